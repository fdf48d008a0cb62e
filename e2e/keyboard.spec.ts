import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

/** The whole loop without a mouse: search, move on the canvas, expand, path, and the panel's links. */
test('search, canvas, expand, path and panel links work from the keyboard alone', async ({ page, explorer }) => {
  await explorer.open();
  /** Tab forward until the locator has the focus (as a keyboard user would), at most 80 times. */
  const tabTo = async (target: import('@playwright/test').Locator) => {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('could not reach the element with Tab');
  };
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim().slice(0, 60)}` : 'none';
  });

  // "/" jumps to the search; arrows and Enter pick.
  await page.keyboard.press('/');
  await expect(explorer.searchBox).toBeFocused();
  await page.keyboard.type('Chongqing');
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('Chongqing');
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.chongqing]);
  await expect(explorer.searchBox).toBeFocused();

  // The skip link takes the focus to the graph; arrow keys move the selection to linked entities.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to the graph' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('graph-canvas')).toBeFocused();
  const announcer = page.getByTestId('announcer');
  await page.keyboard.press('ArrowRight');
  await explorer.settled();
  const moved = (await explorer.graph.selectedIds())[0]!;
  expect(moved).not.toBe(SEED.chongqing);
  await expect(announcer).toContainText('Selected');
  await expect(announcer).toContainText(/relationship/);

  // Enter expands the selected entity; the focus stays on the canvas.
  const before = (await explorer.graph.nodeIds()).length;
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect(page.getByTestId('graph-canvas')).toBeFocused();
  // It is drawn as expanded, and nothing that was on the canvas went away.
  await expect.poll(() => explorer.graph.classes(moved)).toContain('expanded');
  expect((await explorer.graph.nodeIds()).length).toBeGreaterThanOrEqual(before);

  // p: a path from the selected entity; the focus goes to the "to" field.
  await page.keyboard.press('p');
  await expect(page.getByRole('combobox', { name: 'Path to' })).toBeFocused();
  await page.keyboard.type('Yin Hejun');
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('Yin Hejun');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show the path' })).toBeFocused();
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]p=/);
  expect(await explorer.graph.classes(SEED.yinHejun)).toContain('path');

  // Panel links: following a relationship keeps the focus in the panel, on the new entity's heading.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('Ministry of Science and Technology');
  // The search's suggestions (the path finder's list of paths is a listbox too).
  await expect(page.getByRole('listbox', { name: /results$/ }).getByRole('option', { selected: true })).toContainText('Ministry of Science and Technology');
  await page.keyboard.press('Enter');
  await explorer.settled();
  const link = explorer.details.getByRole('button', { name: 'Yin Hejun', exact: true }).first();
  await expect(link).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to the details' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(link);
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Yin Hejun' })).toBeFocused();
  expect(await focused()).not.toContain('body');

  // "why?" opens the relationship and keeps the focus on its heading too.
  const why = explorer.details.getByRole('button', { name: /^why\? \(/ }).first();
  await tabTo(why);
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect(explorer.details.getByRole('heading', { level: 2 })).toBeFocused();

  // b goes back one step.
  const url = page.url();
  await page.keyboard.press('b');
  await explorer.settled();
  await expect.poll(() => page.url()).not.toBe(url);
});
