import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_SEED_DIR } from '../graph-seed/load';
import { readSeedDir, relationshipKey } from '../graph-seed/validate';
import { evidenceIndex, gradeEvidence, meetsGrade, type EvidenceGrade } from '../lib/graph/evidence';
import { readPngText } from '../lib/export/png-text';
import { ExplorerPage, expect, test } from './fixtures';
import { SEED } from './seed-ids';

/**
 * The evidence filter: facts resting only on copies are drawn dotted and can be hidden; the choice
 * lives in the link, and the server's share image and the exports leave out the same facts.
 */

// The grades the loader computed, from the seed files' own sources.
const seed = readSeedDir(DEFAULT_SEED_DIR);
const index = evidenceIndex(seed.sources);
const grade = new Map<string, EvidenceGrade>([
  ...seed.nodes.map((n) => [n.id, gradeEvidence(n.sources, index).grade] as const),
  ...seed.relationships.map((r) => [relationshipKey(r), gradeEvidence(r.sources, index).grade] as const),
]);
const ends = new Map(seed.relationships.map((r) => [relationshipKey(r), [r.from, r.to] as const]));
const GROUP_MARK = '\u0001';

// The initiative and a handful of partner countries: some partnerships officially sourced, most only from copies.
const VIEW = '/?v=1&n=initiative:bri~country:CHL,COG,HUN,ITA,KAZ,MDA,NZL,PAN,TCD,UZB;event:brst-2023';

async function drawn(explorer: ExplorerPage) {
  const nodes = (await explorer.graph.visibleNodeIds()).filter((id) => !id.includes(GROUP_MARK) && !id.includes('background'));
  const edges = (await explorer.graph.visibleEdgeIds()).filter((id) => !id.includes(GROUP_MARK));
  return { nodes: nodes.sort(), edges: edges.sort() };
}

async function exportJson(page: Page) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Data \(JSON\)/ }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { entities: { id: string }[]; relationships: { id: string; evidence?: string }[] };
}

test('hiding facts that rest only on copies: the canvas, the link, the share image and the export agree', async ({ page, explorer, browser, request }) => {
  await explorer.open(VIEW);
  const before = await drawn(explorer);
  const weakEdges = before.edges.filter((id) => grade.get(id) === 'weak');
  const weakNodes = before.nodes.filter((id) => grade.get(id) === 'weak');
  expect(weakEdges.length, 'the view shows partnerships resting only on copies').toBeGreaterThan(0);
  expect(before.edges.some((id) => meetsGrade(grade.get(id)!, 'single'))).toBe(true);

  // Drawn as the legend says: dotted and faint when only copies back it, solid when official or corroborated.
  expect(await explorer.graph.edgeStyle(weakEdges[0]!)).toMatchObject({ line: 'dotted', opacity: 0.5 });
  const strong = before.edges.find((id) => meetsGrade(grade.get(id)!, 'corroborated'));
  const single = before.edges.find((id) => grade.get(id) === 'single');
  expect(strong && single, 'the view has corroborated and single-source relationships').toBeTruthy();
  expect(await explorer.graph.edgeStyle(strong!)).toMatchObject({ line: 'solid', opacity: 1 });
  expect(await explorer.graph.edgeStyle(single!)).toMatchObject({ line: 'dashed', opacity: 1 });
  expect(weakNodes.length).toBeGreaterThan(0);
  expect(await explorer.graph.classes(weakNodes[0]!)).toContain('ev-weak');
  expect(await explorer.graph.classes(SEED.conference)).not.toContain('ev-weak');

  const legend = page.getByTestId('evidence-legend');
  await expect(legend).toContainText('copies or unverified sources only');
  await legend.getByRole('checkbox', { name: 'Hide facts resting only on copies' }).check();
  await expect(page).toHaveURL(/[?&]ev=single(&|$)/);

  // What rests only on copies is gone; everything else whose ends remain stays.
  const shownNodes = before.nodes.filter((id) => meetsGrade(grade.get(id)!, 'single'));
  const shownEdges = before.edges.filter((id) => {
    const [from, to] = ends.get(id)!;
    return meetsGrade(grade.get(id)!, 'single') && shownNodes.includes(from) && shownNodes.includes(to);
  });
  await expect.poll(async () => (await drawn(explorer)).edges).toEqual(shownEdges);
  const after = await drawn(explorer);
  expect(after.nodes).toEqual(shownNodes);
  expect(after.nodes).toContain(SEED.bri);
  await expect(page.getByTestId('evidence-hidden')).toContainText(`${weakNodes.length} ${weakNodes.length === 1 ? 'entity' : 'entities'}`);

  // The link reopens with the filter on and the same facts drawn.
  const url = page.url();
  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const other = new ExplorerPage(await context.newPage());
  await other.open(url.replace(/^https?:\/\/[^/]+/, ''));
  expect(await drawn(other)).toEqual(after);
  await expect(other.page.getByTestId('evidence-legend').getByRole('checkbox', { name: 'Hide facts resting only on copies' })).toBeChecked();
  // The server's first picture of that link draws the same relationships (before the canvas loads).
  const html = await (await request.get(url.replace(/^https?:\/\/[^/]+/, ''))).text();
  const picture = html.slice(html.indexOf('class="graph-preview"'));
  expect(picture.slice(0, picture.indexOf('</svg>')).match(/<line /g)?.length).toBe(after.edges.length);
  await context.close();

  // The export holds exactly what is drawn, with each relationship's grade.
  const doc = await exportJson(page);
  expect(doc.relationships.map((r) => r.id).sort()).toEqual(after.edges);
  expect(doc.entities.map((e) => e.id).sort()).toEqual(after.nodes);
  expect(doc.relationships.every((r) => r.evidence && meetsGrade(r.evidence as EvidenceGrade, 'single'))).toBe(true);

  // The share image of the link draws as many: its metadata says what it counted.
  const query = new URL(url).search;
  const png = new Uint8Array(await (await request.get(`/api/preview${query}`)).body());
  expect(readPngText(png).Counts).toBe(`entities: ${after.nodes.length}, relationships: ${after.edges.length}`);
  const unfiltered = new Uint8Array(await (await request.get(`/api/preview${query.replace(/&?ev=single/, '')}`)).body());
  expect(readPngText(unfiltered).Counts).toBe(`entities: ${before.nodes.length}, relationships: ${before.edges.length}`);
});

test('the details panel says how strong a fact is', async ({ page, explorer }) => {
  await explorer.open(`${VIEW}&s=${SEED.bri}`);
  const line = explorer.details.getByTestId('evidence-line');
  await expect(line).toBeVisible();
  const expected = grade.get(SEED.bri)!;
  await expect(line.locator('[data-grade]')).toHaveAttribute('data-grade', expected);
  await expect(page.getByTestId('evidence-legend')).toBeVisible();
});
