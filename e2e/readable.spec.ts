import type { Page } from '@playwright/test';
import { expect, test, type ExplorerPage } from './fixtures';
import { SEED } from './seed-ids';

/**
 * The canvas stays readable where it matters most: the Belt and Road Initiative with its ~150
 * partner countries. Measured the way a reader sees it: boxes on the screen, not model numbers.
 */

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;

/** Entity bodies overlap when their drawn circles (inscribed in the boxes) do. */
function bodyOverlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const ra = Math.min(a.x2 - a.x1, a.y2 - a.y1) / 2;
      const rb = Math.min(b.x2 - b.x1, b.y2 - b.y1) / 2;
      const d = Math.hypot((a.x1 + a.x2) / 2 - (b.x1 + b.x2) / 2, (a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2);
      if (d < ra + rb - 0.5) found.push(`${a.id} / ${b.id}`);
    }
  }
  return found;
}

function labelOverlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
  }
  return found;
}

async function rectOf(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, visible: r.width > 0 && r.height > 0 };
  });
}

/** Search the initiative, open its countries group, draw all of them (confirming the count). */
async function expandInitiativeInFull(page: Page, explorer: ExplorerPage) {
  await explorer.open();
  await explorer.search('Belt and Road Initiative', /^Belt and Road Initiative/);
  const group = await page.evaluate(() => window.__graph!.nodeIds().find((id) => id.includes('Country')) ?? null);
  expect(group, 'a group node stands for the partner countries').not.toBeNull();
  expect(await explorer.graph.nodeIds().then((ids) => ids.filter((id) => id.startsWith('country:')).length)).toBeLessThan(10);
  await explorer.clickNode(group!);
  await expect(explorer.details.getByRole('heading', { level: 2 })).toContainText(/countries/);
  await explorer.details.getByRole('button', { name: /^Draw all \d+ countries/ }).click();
  // More than the threshold: the count is shown and confirmed before anything is drawn.
  await expect(explorer.details.getByRole('alertdialog')).toContainText(/This adds 1\d\d entities/);
  await explorer.details.getByRole('button', { name: 'Yes, draw them' }).click();
  await explorer.settled();
  await expect.poll(() => explorer.graph.nodeIds().then((ids) => ids.filter((id) => id.startsWith('country:')).length)).toBeGreaterThan(145);
}

async function assertReadable(page: Page, explorer: ExplorerPage) {
  // Labels are placed after the entities settle; wait for that, then measure.
  await explorer.settled();
  await expect.poll(async () => bodyOverlaps(await page.evaluate(() => window.__graph!.nodeBoxes())), { message: 'entities overlapping' }).toEqual([]);
  const labels = await page.evaluate(() => window.__graph!.labelBoxes());
  // On a phone few labels fit: they are hidden rather than shrunk, but the selection keeps its own.
  expect(labels.length, 'some labels are shown').toBeGreaterThan(0);
  expect(labelOverlaps(labels), 'labels overlapping').toEqual([]);
  expect(labels.filter((l) => l.fontPx < 11).map((l) => `${l.id}: ${l.fontPx.toFixed(1)} px`), 'labels below 11 px').toEqual([]);
  // A label moved above or beside its entity covers no other entity either (the selection's may, when nothing is free).
  const selected = await page.evaluate(() => window.__graph!.selectedIds());
  const bodies = await page.evaluate(() => window.__graph!.nodeBoxes());
  const covering = labels.filter((l) => !selected.includes(l.id))
    .flatMap((l) => bodies.filter((b) => b.id !== l.id && overlaps(l, b)).map((b) => `${l.id} covers ${b.id}`));
  expect(covering, 'labels over other entities').toEqual([]);

  // Every country of the last batch sits inside the canvas, and not under the legend or the panel.
  const canvas = await rectOf(page, '[data-testid="graph-canvas"]');
  const covers = [await rectOf(page, '.legend'), await rectOf(page, '.side-panel')].filter((r) => r.visible);
  const countries = (await page.evaluate(() => window.__graph!.nodeBoxes())).filter((b) => b.id.startsWith('country:'));
  const outside = countries.filter((b) => {
    const x = (b.x1 + b.x2) / 2;
    const y = (b.y1 + b.y2) / 2;
    const inCanvas = x > canvas.left && x < canvas.right && y > canvas.top && y < canvas.bottom;
    return !inCanvas || covers.some((r) => x > r.left && x < r.right && y > r.top && y < r.bottom);
  }).map((b) => b.id);
  expect(outside, 'countries off-screen or under an overlay').toEqual([]);
  // No label is cut by the canvas's edge or hidden under the legend or the panel.
  const cut = labels.filter((l) => l.x1 < canvas.left - 0.5 || l.x2 > canvas.right + 0.5 || l.y1 < canvas.top - 0.5 || l.y2 > canvas.bottom + 0.5
    || covers.some((r) => overlaps(l, { id: '', x1: r.left, y1: r.top, x2: r.right, y2: r.bottom }))).map((l) => l.id);
  expect(cut, 'labels cut off or under an overlay').toEqual([]);
}

test('the initiative expanded in full: no overlaps, readable labels, everything in view (desktop)', async ({ page, explorer }) => {
  await expandInitiativeInFull(page, explorer);
  await assertReadable(page, explorer);
  // The group is part of the link: reopening it redraws the same view.
  expect(decodeURIComponent(page.url())).toContain('*:initiative:bri');
});

test('a label with no room below its entity shows above or beside it, on the canvas and over nothing else', async ({ page, explorer }) => {
  await explorer.open();
  await assertReadable(page, explorer);
  const bodies = new Map((await page.evaluate(() => window.__graph!.nodeBoxes())).map((b) => [b.id, b]));
  const moved = (await page.evaluate(() => window.__graph!.labelBoxes())).filter((l) => l.y1 < bodies.get(l.id)!.y2 - 0.5);
  expect(moved.length, 'labels above or beside their entity').toBeGreaterThan(0);
});

test('hovering an entity shows its full name clear of its own shape, and the other names make room', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.settled();
  const shown = new Set((await page.evaluate(() => window.__graph!.labelBoxes())).map((l) => l.id));
  const selected = await explorer.graph.selectedIds();
  // An entity whose name is hidden to declutter.
  const hidden = (await explorer.graph.visibleNodeIds()).find((id) => !shown.has(id) && !selected.includes(id) && !id.startsWith('\u0001'));
  expect(hidden, 'an entity without a label').toBeDefined();
  const point = await explorer.pointOf(hidden!);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await page.evaluate(() => window.__graph!.labelBoxes())).map((l) => l.id)).toContain(hidden);
  await expect.poll(() => explorer.graph.classes(hidden!)).toContain('hovered');
  const labels = await page.evaluate(() => window.__graph!.labelBoxes());
  const own = (await page.evaluate(() => window.__graph!.nodeBoxes())).find((b) => b.id === hidden)!;
  expect(overlaps(labels.find((l) => l.id === hidden)!, own), 'the name over its own entity').toBe(false);
  expect(labelOverlaps(labels), 'labels overlapping').toEqual([]);
  // Away from it, its name gives way again.
  const canvas = await rectOf(page, '[data-testid="graph-canvas"]');
  await page.mouse.move(canvas.right - 5, canvas.bottom - 40);
  await expect.poll(async () => (await page.evaluate(() => window.__graph!.labelBoxes())).map((l) => l.id)).not.toContain(hidden);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the initiative expanded in full stays readable at 390x844, with touch wording and touch-sized controls', async ({ page, explorer }) => {
    await expandInitiativeInFull(page, explorer);
    await assertReadable(page, explorer);
    await expect(explorer.status).toContainText('double-tap to expand');
    const small = await page.locator('button:visible, select:visible').evaluateAll((els) => els
      .map((el) => ({ text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30), h: el.getBoundingClientRect().height }))
      .filter((b) => b.h > 0 && b.h < 44));
    expect(small, 'touch targets under 44 px').toEqual([]);
  });

  for (const lang of ['en', 'ru', 'zh']) {
    test(`in ${lang}, every header control is on screen, 44 px square at least, in two rows`, async ({ page, explorer }) => {
      await explorer.open(`/?lang=${lang}`);
      const boxes = await page.locator('.topbar button:visible, .topbar select:visible, .topbar summary:visible, .topbar input:visible').evaluateAll((els) => els
        .map((el) => { const r = el.getBoundingClientRect(); return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', left: r.left, right: r.right, top: r.top, w: r.width, h: r.height }; }));
      expect(boxes.length).toBeGreaterThan(6);
      expect(boxes.filter((b) => b.left < 0 || b.right > 390).map((b) => b.name), 'cut off').toEqual([]);
      expect(boxes.filter((b) => b.w < 44 || b.h < 44).map((b) => b.name), 'under 44 px').toEqual([]);
      expect(new Set(boxes.map((b) => Math.round(b.top / 10))).size, 'rows').toBeLessThanOrEqual(2);
      // The copy button shows a short word but keeps its full name.
      await expect(page.locator('.toolbar button.primary')).toHaveAccessibleName(lang === 'en' ? 'Copy link' : lang === 'ru' ? 'Копировать ссылку' : '复制链接');
    });
  }
});

test('a search pick lands in free space and the view frames it and where it came from', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.search('Yin Hejun', /Yin Hejun/);
  await expect.poll(async () => bodyOverlaps(await page.evaluate(() => window.__graph!.nodeBoxes()))).toEqual([]);
  expect(labelOverlaps(await page.evaluate(() => window.__graph!.labelBoxes()))).toEqual([]);
  const canvas = await rectOf(page, '[data-testid="graph-canvas"]');
  const legend = await rectOf(page, '.legend');
  const yin = await explorer.graph.renderedPosition(SEED.yinHejun);
  expect(yin!.x).toBeGreaterThan(Math.max(canvas.left, legend.right));
  expect(yin!.x).toBeLessThan(canvas.right);
  expect(yin!.y).toBeGreaterThan(canvas.top);
  expect(yin!.y).toBeLessThan(canvas.bottom);
});

test('changing the layout reframes the whole view', async ({ page, explorer }) => {
  await explorer.open();
  for (const layout of ['circle', 'grid', 'force']) {
    await page.getByRole('combobox', { name: 'Layout' }).selectOption(layout);
    await explorer.settled();
    const canvas = await rectOf(page, '[data-testid="graph-canvas"]');
    const boxes = await page.evaluate(() => window.__graph!.nodeBoxes());
    const off = boxes.filter((b) => b.x2 < canvas.left || b.x1 > canvas.right || b.y2 < canvas.top || b.y1 > canvas.bottom);
    expect(off.map((b) => b.id), `off-screen after ${layout}`).toEqual([]);
  }
});

test('selecting an entity from the list brings it into view and dims the rest', async ({ page, explorer }) => {
  await explorer.open();
  await page.getByText(/^Entities in view/).click();
  await page.getByRole('list', { name: 'Entities in view' }).getByRole('button', { name: 'Chongqing', exact: true }).click();
  await explorer.settled();
  const canvas = await rectOf(page, '[data-testid="graph-canvas"]');
  const p = await explorer.graph.renderedPosition(SEED.chongqing);
  expect(p!.x).toBeGreaterThan(canvas.left);
  expect(p!.x).toBeLessThan(canvas.right);
  const classes = await Promise.all((await explorer.graph.nodeIds()).map(async (id) => ({ id, dimmed: (await explorer.graph.classes(id)).includes('dimmed') })));
  expect(classes.find((c) => c.id === SEED.chongqing)?.dimmed).toBe(false);
  expect(classes.filter((c) => c.dimmed).length).toBeGreaterThan(0);
});

test('the map layout puts countries where they are, from the link and in the server\'s first picture', async ({ page, request, explorer }) => {
  const link = '/?v=1&n=country:CHL,ITA,KAZ;initiative:bri&l=map';
  const html = await (await request.get(link)).text();
  expect(html, 'the server-drawn picture has the world map under the graph').toMatch(/class="graph-preview"[\s\S]*<image [^>]*href="data:image\/svg\+xml;base64,/);
  await explorer.open(link);
  await expect(page.getByRole('combobox', { name: 'Layout' })).toHaveValue('map');
  const [kaz, ita, chl] = await Promise.all(['country:KAZ', 'country:ITA', 'country:CHL'].map((id) => explorer.graph.position(id)));
  expect(kaz!.x).toBeGreaterThan(ita!.x);
  expect(kaz!.y).toBeLessThan(chl!.y);
  expect(chl!.y).toBeGreaterThan(ita!.y);
  // Deterministic: the same link gives the same positions again.
  await explorer.open(link);
  expect(await explorer.graph.position('country:KAZ')).toEqual(kaz);
});

test('a group opens as a list that can be filtered and drawn in part', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.search('Belt and Road Initiative', /^Belt and Road Initiative/);
  const group = await page.evaluate(() => window.__graph!.nodeIds().find((id) => id.includes('Country')) ?? null);
  await explorer.clickNode(group!);
  const heading = explorer.details.getByRole('heading', { level: 2 });
  const before = Number((await heading.textContent())!.match(/\d+/)![0]);
  await explorer.details.getByLabel('Filter by name').fill('stan');
  const members = explorer.details.getByRole('list', { name: /Members of the group/ }).getByRole('listitem');
  await expect(members.first()).toBeVisible();
  const names = await members.allTextContents();
  expect(names.every((n) => n.toLowerCase().includes('stan'))).toBe(true);
  // Fewer than the threshold: drawn at once, no confirmation.
  await explorer.details.getByRole('button', { name: /^Draw the \d+ matching/ }).click();
  await explorer.settled();
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(expect.arrayContaining(['country:KAZ', 'country:UZB', 'country:PAK']));
  // The group now stands for the rest only, and stays where it was.
  await explorer.clickNode(group!);
  await expect.poll(async () => Number(((await heading.textContent()) ?? '').match(/\d+/)?.[0])).toBeLessThan(before);
});
