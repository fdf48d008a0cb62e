/** Escaping of the items a deep link lists (ids, types), shared by lib/url-state.ts and lib/url-path.ts. */

// Items are percent-escaped beyond encodeURIComponent so the separators , ; ~ @ stay unambiguous,
// and escaped once more for the query string, because readers get values already decoded once.
// A colon stays readable: a group splits at its first colon only, so later ones are plain text.
export function escapeItem(item: string): string {
  return encodeURIComponent(item).replace(/%3A/g, ':')
    .replace(/[~!*()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '%25');
}

export function unescapeItem(item: string): string | null {
  try {
    return decodeURIComponent(item);
  } catch {
    return null;
  }
}
