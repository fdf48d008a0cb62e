/**
 * The address (path and query) of the seed's Belt and Road Initiative expanded in full, selected:
 * every neighbour in one batch, read page by page from a running app at `base`. Used by the
 * screenshots in docs/ and by bench:labels, so both show the same view.
 */
export async function hubViewPath(base: string, hub = 'initiative:bri'): Promise<string> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await (await fetch(`${base}/api/nodes/${encodeURIComponent(hub)}/neighbors?limit=200&offset=${offset}`)).json() as { nodes: { id: string }[]; total: number };
    ids.push(...page.nodes.map((n) => n.id).filter((id) => id !== hub));
    if (offset + 200 >= page.total) break;
  }
  const encode = (id: string) => encodeURIComponent(id).replace(/%3A/g, ':');
  return `/?v=1&n=${encode(hub)}~${ids.map(encode).join(';')}&s=${encode(hub)}`;
}
