import type { Locator, Page } from '@playwright/test';
import { expect, test, type ExplorerPage } from './fixtures';
import { SEED } from './seed-ids';

/** Tab forward until the locator has the focus, as a keyboard user would (at most 120 presses). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

/** Diameter and colour of every entity drawn, by id. */
async function drawn(explorer: ExplorerPage): Promise<Record<string, { size: number; colour: string }>> {
  const ids = (await explorer.graph.visibleNodeIds()).filter((id) => !id.startsWith('\u0001'));
  const styles = await Promise.all(ids.map((id) => explorer.graph.nodeStyle(id)));
  return Object.fromEntries(ids.map((id, i) => [id, { size: Math.round(styles[i]!.size), colour: styles[i]!.colour.replace(/\s/g, '') }]));
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;

test('size by PageRank and colour by community: the canvas, the legend and the link all say so, and the link redraws the same picture', async ({ page, explorer, browser }) => {
  await explorer.open();
  const before = await drawn(explorer);
  const legend = page.getByTestId('analysis-legend');
  await expect(legend).toContainText('Size: relationships in the database.');

  // From the keyboard: Tab to the size choice, pick PageRank with the arrow keys.
  const size = page.getByRole('combobox', { name: 'Size' });
  await tabTo(page, size);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(size).toHaveValue('pagerank');
  await expect(legend).toContainText('PageRank in this view');
  await expect(legend).toContainText(/Largest: First Belt and Road Conference on Science and Technology Exchange/);
  await expect(page).toHaveURL(/[?&]size=pagerank/);
  await expect.poll(async () => {
    const now = await drawn(explorer);
    return Object.keys(now).filter((id) => now[id]!.size !== before[id]!.size).length;
  }).toBeGreaterThan(10);
  const sized = await drawn(explorer);
  const largest = Object.entries(sized).sort(([, a], [, b]) => b.size - a.size)[0]![0];
  expect(largest).toBe(SEED.conference);

  const colour = page.getByRole('combobox', { name: 'Colour' });
  await colour.focus();
  await page.keyboard.press('ArrowDown');
  await expect(colour).toHaveValue('community');
  await expect(page).toHaveURL(/[?&]colour=community/);
  const communities = legend.getByRole('list', { name: 'Communities' }).getByRole('listitem');
  await expect(legend).toContainText(/Colour: \d+ communities \(Louvain, in this view\)/);
  expect(await communities.count()).toBeGreaterThanOrEqual(2);
  // Every colour on the canvas is one the legend explains.
  const swatches = await communities.locator('.swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor.replace(/\s/g, '')));
  await expect.poll(async () => new Set(Object.values(await drawn(explorer)).map((s) => s.colour)).size).toBeGreaterThanOrEqual(2);
  const coloured = await drawn(explorer);
  for (const [id, style] of Object.entries(coloured)) expect(swatches, id).toContain(style.colour);
  expect(swatches[0]).toBe(rgb('#4e79a7'));

  // The link: a fresh browser draws the same sizes and colours, and the server's first picture already has them.
  const url = page.url();
  const html = await (await page.request.get(url)).text();
  const diameters = [...html.matchAll(/<circle cx="[^"]+" cy="[^"]+" r="([\d.]+)"/g)].map((m) => Math.round(2 * Number(m[1]))).sort((a, b) => a - b);
  expect(diameters).toEqual(Object.values(coloured).map((s) => s.size).sort((a, b) => a - b));
  expect(html).toContain('fill="#4e79a7"');

  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const fresh = await context.newPage();
  const other = new (explorer.constructor as typeof import('./fixtures').ExplorerPage)(fresh);
  await other.open(url);
  await expect.poll(() => drawn(other)).toEqual(coloured);
  await expect(fresh.getByRole('combobox', { name: 'Size' })).toHaveValue('pagerank');
  await expect(fresh.getByTestId('analysis-legend')).toContainText(/Colour: \d+ communities/);
  await context.close();

  // Back to type colours: the community colours are gone, not left behind.
  await colour.selectOption('type');
  await expect.poll(async () => (await drawn(explorer))[SEED.conference]!.colour).toBe(rgb('#e4572e'));
});

// The initiative, countries that joined in different years (Italy and Panama have left since),
// two whose joining date no source gives, and the conference of November 2023.
const TIME_VIEW = '/?v=1&n=initiative:bri~country:CHL,COG,HUN,ITA,KAZ,MKD,NZL,PAN,UZB;event:brst-2023';

test('the time range, moved with the keyboard, keeps what happened or was in force then, reports the undated, and lives in the link', async ({ page, explorer, browser }) => {
  await explorer.open(TIME_VIEW);
  const panel = page.getByTestId('time-filter');
  await expect(panel.locator('summary')).toHaveText('Time: all years');
  await panel.locator('summary').focus();
  await page.keyboard.press('Enter');
  const from = page.getByRole('slider', { name: 'From year' });
  const to = page.getByRole('slider', { name: 'To year' });
  await expect(from).toHaveAttribute('aria-valuetext', '2013');
  await expect(to).toHaveAttribute('aria-valuetext', '2025');
  await expect(panel).toContainText('Show what has no date: 2 entities, 5 relationships');

  // The upper thumb back to 2016, one year per key press.
  await to.focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowLeft');
  await expect(to).toHaveAttribute('aria-valuetext', '2016');
  await expect(page).toHaveURL(/[?&]t=2013-2016(&|$)/);
  await expect(panel.locator('summary')).toHaveText('Time: 2013–2016');
  // Those that joined by 2016 and the initiative (since 2013) stay, the undated stay as undated.
  await expect.poll(() => explorer.graph.visibleNodeIds()).toEqual(['country:COG', 'country:HUN', 'country:KAZ', 'country:MKD', 'country:UZB', SEED.bri]);
  const edges = await explorer.graph.visibleEdgeIds();
  expect(edges).toContain('country:KAZ-PARTNER_OF->initiative:bri');
  expect(edges.some((e) => e.startsWith('country:ITA'))).toBe(false);
  await expect(page.getByTestId('time-shown')).toContainText(/Shown: 4 of \d+ dated entities/);
  await expect(panel).toContainText(/Dates from .*joinedBriDate/);

  // The lower thumb to the end: 2016 alone. Partnerships begun earlier are still in force then.
  await from.focus();
  await page.keyboard.press('End');
  await expect(from).toHaveAttribute('aria-valuetext', '2016');
  await expect(page).toHaveURL(/[?&]t=2016-2016(&|$)/);
  await expect.poll(() => explorer.graph.visibleNodeIds()).toContain(SEED.kazakhstan);

  // Hiding the undated, with the space bar.
  await panel.getByRole('checkbox', { name: /Show what has no date/ }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]undated=hide/);
  await expect.poll(() => explorer.graph.visibleNodeIds()).toEqual(['country:HUN', 'country:KAZ', 'country:UZB', SEED.bri]);
  await expect(explorer.status).toContainText('4 entities · 3 relationships');

  const url = page.url();
  const visible = await explorer.graph.visibleNodeIds();
  const visibleEdges = await explorer.graph.visibleEdgeIds();
  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const fresh = await context.newPage();
  const other = new (explorer.constructor as typeof import('./fixtures').ExplorerPage)(fresh);
  await other.open(url);
  expect(await other.graph.visibleNodeIds()).toEqual(visible);
  expect(await other.graph.visibleEdgeIds()).toEqual(visibleEdges);
  await expect(fresh.getByRole('slider', { name: 'From year' })).toHaveAttribute('aria-valuetext', '2016');
  await expect(fresh.getByRole('checkbox', { name: /Show what has no date/ })).not.toBeChecked();
  await context.close();

  // "All years" lifts the range; the link no longer carries one.
  await panel.getByRole('button', { name: 'All years' }).click();
  await expect(page).not.toHaveURL(/[?&]t=/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the time panel and the analysis choices are touch-sized and work', async ({ page, explorer }) => {
    await explorer.open(`${TIME_VIEW}&size=degree`);
    const panel = page.getByTestId('time-filter');
    await panel.locator('summary').tap();
    const to = page.getByRole('slider', { name: 'To year' });
    await expect(to).toBeVisible();
    for (const control of [to, page.getByRole('slider', { name: 'From year' }), panel.getByRole('checkbox', { name: /Show what has no date/ })]) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(22);
    }
    expect((await to.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await panel.locator('summary').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await to.focus();
    await page.keyboard.press('Home');
    await expect(page).toHaveURL(/[?&]t=2013-2013(&|$)/);
    await expect.poll(() => explorer.graph.visibleNodeIds()).toEqual(['country:COG', 'country:MKD', SEED.bri]);
    await panel.locator('summary').tap();
    await page.getByText('Legend and filter').tap();
    const size = page.getByRole('combobox', { name: 'Size' });
    await expect(size).toHaveValue('degree');
    expect((await size.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expect(page.getByTestId('analysis-legend')).toContainText('Size: relationships in this view.');
  });
});
