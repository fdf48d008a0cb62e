import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { pngSize, readPngText } from '../lib/export/png-text';
import { ExplorerPage, expect, test } from './fixtures';
import { SEED } from './seed-ids';

/**
 * "Export" downloads the view as it is: each format is parsed with a real parser and must hold the
 * entities and relationships drawn (no more, no fewer), their sources, and the link that reopens
 * the same view.
 */

type Json = Record<string, any>;
const GROUP_MARK = '\u0001';
const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'data', 'key', 'attribute', 'attvalue', 'source'].includes(name),
});
const csv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

/** What the canvas draws: entities (not groups, not filtered out) and the relationships among them. */
async function drawn(explorer: ExplorerPage) {
  // A group's key holds a control character, which no entity id can: that tells groups and their lines apart.
  const nodes = (await explorer.graph.visibleNodeIds()).filter((id) => !id.includes(GROUP_MARK) && !id.includes('background'));
  const edges = (await explorer.graph.visibleEdgeIds()).filter((id) => !id.includes(GROUP_MARK));
  return { nodes: nodes.sort(), edges: edges.sort() };
}

async function exportAs(page: Page, item: RegExp, menu = 'Export'): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByRole('button', { name: menu }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  expect(await download.failure()).toBeNull();
  return { download, bytes: readFileSync((await download.path())!) };
}

async function canvasSize(page: Page) {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  return { width: box.width, height: box.height };
}

async function buildView(page: Page, explorer: ExplorerPage) {
  await explorer.open();
  await explorer.search('Yin Hejun', /Yin Hejun/);
  await explorer.doubleClickNode(SEED.ministry);
}

test('each format holds exactly the entities and relationships drawn, with sources and the link', async ({ page, explorer }) => {
  await buildView(page, explorer);
  const view = await drawn(explorer);
  expect(view.nodes.length).toBeGreaterThan(10);
  const today = /^belt-road-graph-\d{4}-\d{2}-\d{2}\./;

  const json = await exportAs(page, /Data \(JSON\)/);
  expect(json.download.suggestedFilename()).toMatch(new RegExp(`${today.source}json$`));
  const doc = JSON.parse(json.bytes.toString('utf8')) as Json;
  const link = page.url();
  expect(doc.link).toBe(link);
  expect((doc.entities as Json[]).map((e) => e.id).sort()).toEqual(view.nodes);
  expect((doc.relationships as Json[]).map((r) => r.id).sort()).toEqual(view.edges);
  expect(doc.counts).toMatchObject({ entities: view.nodes.length, relationships: view.edges.length });
  for (const item of [...doc.entities, ...doc.relationships] as Json[]) {
    expect(item.sources.length, `sources of ${item.id}`).toBeGreaterThan(0);
    expect(item.sources[0].url, `source address of ${item.id}`).toMatch(/^https?:\/\//);
  }
  expect((doc.entities as Json[]).find((e) => e.id === SEED.yinHejun)).toMatchObject({ names: { ru: 'Инь Хэцзюнь', zh: '阴和俊' } });

  const zip = await exportAs(page, /Tables \(CSV/);
  expect(zip.download.suggestedFilename()).toMatch(new RegExp(`${today.source}zip$`));
  const files = unzipSync(new Uint8Array(zip.bytes));
  const entities = csv(strFromU8(files['entities.csv']!));
  const relationships = csv(strFromU8(files['relationships.csv']!));
  expect(entities.map((r) => r.id).sort()).toEqual(view.nodes);
  expect(relationships.map((r) => r.id).sort()).toEqual(view.edges);
  expect(entities.every((r) => /^https?:\/\//.test(r.source_urls!))).toBe(true);
  expect(relationships.every((r) => r.source_ids !== '')).toBe(true);
  expect(csv(strFromU8(files['sources.csv']!)).length).toBe(doc.counts.sources);
  expect(strFromU8(files['README.txt']!)).toContain(link);

  const gexf = await exportAs(page, /Gephi/);
  const gexfText = gexf.bytes.toString('utf8');
  expect(XMLValidator.validate(gexfText)).toBe(true);
  const graph = (xml.parse(gexfText) as Json).gexf;
  expect((graph.graph.nodes.node as Json[]).map((n) => n.id).sort()).toEqual(view.nodes);
  expect((graph.graph.edges.edge as Json[]).map((e) => e.id).sort()).toEqual(view.edges);
  expect(graph.meta.description).toContain(link);
  const urlColumn = (graph.graph.attributes as Json[]).find((a) => a.class === 'node')!.attribute.find((a: Json) => a.title === 'source_urls').id;
  expect((graph.graph.nodes.node as Json[]).every((n) => n.attvalues.attvalue.some((v: Json) => v.for === urlColumn && /^https?:/.test(v.value)))).toBe(true);

  const graphml = await exportAs(page, /GraphML/);
  const graphmlText = graphml.bytes.toString('utf8');
  expect(XMLValidator.validate(graphmlText)).toBe(true);
  const ml = (xml.parse(graphmlText) as Json).graphml;
  const keyOf = (name: string, kind: string) => (ml.key as Json[]).find((k) => k['attr.name'] === name && k.for === kind)!.id;
  const dataOf = (item: Json, key: string) => (item.data as Json[]).find((d) => d.key === key)?.['#text'];
  expect((ml.graph.node as Json[]).map((n) => dataOf(n, keyOf('id', 'node'))).sort()).toEqual(view.nodes);
  // Each relationship is there once, between the right entities, with its type.
  const appId = new Map((ml.graph.node as Json[]).map((n) => [n.id, dataOf(n, keyOf('id', 'node'))]));
  const edgeRows = (ml.graph.edge as Json[]).map((e) => ({ id: dataOf(e, keyOf('id', 'edge')), from: appId.get(e.source), to: appId.get(e.target), type: dataOf(e, keyOf('label', 'edge')) }));
  expect(edgeRows.map((e) => e.id).sort()).toEqual(view.edges);
  expect(edgeRows.filter((e) => e.id !== `${e.from}-${e.type}->${e.to}`)).toEqual([]);
  expect(dataOf(ml.graph, keyOf('link', 'graph'))).toBe(link);

  // The link in every file reopens the same view.
  const again = await page.context().newPage();
  const reopened = new ExplorerPage(again);
  await reopened.open(link.replace(/^https?:\/\/[^/]+/, ''));
  expect((await drawn(reopened)).nodes).toEqual(view.nodes);
  await again.close();
});

test('pictures are the canvas as drawn at twice its size, with a legend that names the link', async ({ page, explorer }) => {
  await buildView(page, explorer);
  const size = await canvasSize(page);

  const png = await exportAs(page, /Picture \(PNG\)/);
  expect(png.download.suggestedFilename()).toMatch(/\.png$/);
  const pixels = pngSize(new Uint8Array(png.bytes))!;
  expect(Math.abs(pixels.width - 2 * size.width)).toBeLessThanOrEqual(2);
  // The legend adds its height under the canvas.
  expect(pixels.height).toBeGreaterThan(2 * size.height + 100);
  const text = readPngText(new Uint8Array(png.bytes));
  expect(text.Source).toBe(page.url());
  expect(text.Comment).toMatch(/https?:\/\//);

  const svg = await exportAs(page, /Vector picture/);
  const svgText = svg.bytes.toString('utf8');
  expect(XMLValidator.validate(svgText)).toBe(true);
  const root = (xml.parse(svgText) as Json).svg;
  const [, , width, height] = String(root.viewBox).split(' ').map(Number);
  expect(Math.abs((width ?? 0) - size.width)).toBeLessThanOrEqual(1);
  expect(height ?? 0).toBeGreaterThan(size.height + 50);
  expect(root.metadata.view.link).toBe(page.url());
  expect(root.metadata.view.source.length).toBeGreaterThan(0);
  expect(svgText).toContain('Yin Hejun');
});

test('a group and a hidden type are described, not dropped silently or exported as entities', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.search('Belt and Road Initiative', /^Belt and Road Initiative/);
  const group = (await explorer.graph.nodeIds()).find((id) => id.startsWith(GROUP_MARK) && id.includes('Country'));
  expect(group, 'a group node stands for the partner countries').toBeDefined();
  await page.getByRole('checkbox', { name: /Organization/ }).uncheck();
  await explorer.settled();
  const view = await drawn(explorer);

  const doc = JSON.parse((await exportAs(page, /Data \(JSON\)/)).bytes.toString('utf8')) as Json;
  expect((doc.entities as Json[]).map((e) => e.id).sort()).toEqual(view.nodes);
  expect((doc.entities as Json[]).some((e) => e.type === 'Organization')).toBe(false);
  expect(doc.hiddenTypes).toEqual([{ type: 'Organization', entities: expect.any(Number) }]);
  expect(doc.hiddenTypes[0].entities).toBeGreaterThan(0);
  expect(doc.groups).toContainEqual(expect.objectContaining({ origin: SEED.bri, entityType: 'Country', notDrawn: expect.any(Number), total: expect.any(Number) }));
  const countries = (doc.groups as Json[]).find((g) => g.entityType === 'Country')!;
  expect(countries.notDrawn).toBeGreaterThan(100);
  expect(countries.description).toMatch(/neighbours of Belt and Road Initiative of type Country/);

  const readme = strFromU8(unzipSync(new Uint8Array((await exportAs(page, /Tables \(CSV/)).bytes))['README.txt']!);
  expect(readme).toMatch(/Hidden by the filter: Organization \(\d+\)/);
  expect(readme).toMatch(/One group stands for \d+ of the \d+ neighbours of Belt and Road Initiative/);
});

test('the files speak the interface language', async ({ page, explorer }) => {
  await explorer.open('/?lang=ru');
  const zip = await exportAs(page, /Таблицы/, 'Экспорт');
  const readme = strFromU8(unzipSync(new Uint8Array(zip.bytes))['README.txt']!);
  expect(readme).toContain('Этот вид в обозревателе графа:');
  expect(readme).toMatch(/\d+ сущност[ьией]+ · \d+ связ[ьией]+/);
  expect(readme).toContain(page.url());
  await expect(page.getByRole('status').filter({ hasText: /Скачан файл belt-road-graph-/ })).toBeVisible();
});

test('the menu works from the keyboard and gives the focus back', async ({ page, explorer }) => {
  await explorer.open();
  const button = page.getByRole('button', { name: 'Export' });
  const menu = page.getByRole('menu', { name: 'Export the view' });
  const items = menu.getByRole('menuitem');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('t');
  await expect(items.filter({ hasText: 'Tables' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Arrow up opens at the last item; Enter on an item downloads it and the focus returns.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toContainText('JSON');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /Downloaded belt-road-graph-/ })).toBeVisible();

  // Tab leaves the menu closed; a click outside closes it too.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
  await expect(menu).toBeHidden();
});

test.describe('on a phone', () => {
  // A phone's screen has several device pixels per CSS pixel: the picture is still twice the canvas.
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test('the menu has touch-sized items inside the screen, and a picture downloads', async ({ page, explorer }) => {
    await explorer.open();
    const button = page.getByRole('button', { name: 'Export' });
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await button.tap();
    const boxes = await page.getByRole('menuitem').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(6);
    for (const box of boxes) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Picture \(PNG\)/ }).tap()]);
    const pixels = pngSize(new Uint8Array(readFileSync((await download.path())!)))!;
    expect(Math.abs(pixels.width - 2 * (await canvasSize(page)).width)).toBeLessThanOrEqual(2);
  });
});
