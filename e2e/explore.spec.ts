import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

test('search "Чунцин", pick Chongqing, and see the conference among its neighbours', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.searchBox.fill('Чунцин');
  const option = page.getByRole('option', { name: /Chongqing/ }).first();
  await expect(option).toContainText('Place');
  await option.click();
  await explorer.settled();
  await expect(page).toHaveURL(/place:chongqing/);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Chongqing' })).toBeVisible();
  await expect(explorer.details.getByText('Чунцин', { exact: true })).toBeVisible();
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.conference);
});

test('search finds Chongqing and Yin Hejun in three scripts, with typos and prefixes', async ({ page, explorer }) => {
  await explorer.open();
  for (const [text, name] of [['chongq', /Chongqing/], ['Chongqng', /Chongqing/], ['重庆', /Chongqing/],
    ['Yin Hejun', /Yin Hejun/], ['Инь Хэцзюнь', /Yin Hejun/], ['阴和俊', /Yin Hejun/], ['yin hejun', /Yin Hejun/]] as const) {
    await explorer.searchBox.fill(text);
    await expect(page.getByRole('option').first(), text).toContainText(name);
  }
});

test('the search box works from the keyboard: arrows, Enter and Escape', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.searchBox.fill('Kazakhstan');
  await expect(page.getByRole('listbox')).toBeVisible();
  await explorer.searchBox.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await explorer.searchBox.press('ArrowDown');
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('Kazakhstan');
  await explorer.searchBox.press('Enter');
  await explorer.settled();
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Kazakhstan' })).toBeVisible();
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.kazakhstan]);
});

test('expand the conference, then the ministry, and reach Yin Hejun; nodes on screen keep their place', async ({ page, explorer }) => {
  // As most people see it, with motion (the browser tests otherwise ask for reduced motion).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await explorer.open();
  await explorer.search('BRST', /Belt and Road Conference on Science and Technology Exchange/);
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.ministry);
  const before = await explorer.graph.position(SEED.conference);

  await explorer.doubleClickNode(SEED.ministry);
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.yinHejun);
  await expect(explorer.details.getByRole('heading', { level: 2 })).toContainText('Ministry of Science and Technology');
  expect(await explorer.graph.position(SEED.conference)).toEqual(before);

  await explorer.clickNode(SEED.yinHejun);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Yin Hejun' })).toBeVisible();
  await expect(explorer.details.getByText('Инь Хэцзюнь')).toBeVisible();
  await expect(explorer.details.getByRole('heading', { name: /minister of/ })).toBeVisible();
  await expect(page).toHaveURL(/s=person:yin-hejun/);
});

test('a relationship\'s details show the source behind it', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.search('Yin Hejun', /Yin Hejun/);
  const ministerOf = explorer.details.locator('.relationship-group', { has: page.getByRole('heading', { name: /minister of/ }) });
  await ministerOf.getByRole('button', { name: /^why\? \(/ }).first().click();
  await explorer.settled();
  await expect(explorer.details.getByRole('heading', { level: 2 })).toContainText('Yin Hejun');
  await expect(explorer.details.getByRole('heading', { level: 2 })).toContainText('minister of');
  const sources = explorer.details.getByRole('region', { name: /Why this link exists/ });
  await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await expect(sources).toContainText(/Legal Daily|SCMP|South China Morning Post/);
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([`${SEED.yinHejun}-MINISTER_OF->${SEED.ministry}`]);
  await expect(page).toHaveURL(/r=person:yin-hejun,MINISTER_OF,org:most/);
});

test('a hub\'s countries arrive as one group node, and its per-type counts are expand buttons', async ({ page, explorer }) => {
  // As most people see it, with motion (the browser tests otherwise ask for reduced motion).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await explorer.open();
  await explorer.search('Belt and Road Initiative', /^Belt and Road Initiative/);
  const countries = async () => (await explorer.graph.nodeIds()).filter((id) => id.startsWith('country:')).length;
  expect(await countries()).toBeLessThan(10);
  const group = await page.evaluate(() => window.__graph!.nodeIds().find((id) => id.includes('Country')));
  expect(group).toBeTruthy();
  await expect(explorer.details.getByText(/partner of: \d{3}/)).toBeVisible();
  await expect(explorer.details.getByRole('button', { name: /^Expand \d{3} countries as a group/ })).toBeVisible();
  // Expanding one small type draws its entities one by one.
  const events = explorer.details.getByRole('button', { name: /^Expand \d+ events$/ });
  await expect(events).toBeVisible();
  const count = Number(/\d+/.exec((await events.textContent()) ?? '')?.[0]);
  const linked = await page.request.get(`/api/nodes/${encodeURIComponent(SEED.bri)}/neighbors?entityType=Event&limit=200`).then((r) => r.json()) as { nodes: { id: string }[] };
  const eventIds = linked.nodes.map((n) => n.id).filter((id) => id !== SEED.bri);
  expect(eventIds).toHaveLength(count);
  await events.click();
  await explorer.settled();
  // Every event linked to the initiative is now on the canvas, one entity each.
  await expect.poll(async () => {
    const shown = new Set(await explorer.graph.nodeIds());
    return eventIds.filter((id) => !shown.has(id));
  }).toEqual([]);
  await expect(page).toHaveURL(/\*:initiative:bri,\*,Country|%2A:initiative:bri/);
});

test('how are these connected: a path from Kazakhstan to Yin Hejun is drawn', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.findPaths('Kazakhstan', /^Kazakhstan/, 'Yin Hejun', /Yin Hejun/);
  const steps = page.getByRole('list', { name: 'Path' }).getByRole('listitem');
  await expect(steps.first()).toContainText('Kazakhstan');
  await expect(steps.last()).toContainText('Yin Hejun');
  for (const id of [SEED.kazakhstan, SEED.yinHejun]) {
    await expect.poll(() => explorer.graph.classes(id)).toContain('path');
  }
  await expect(page).toHaveURL(/p=country:KAZ,person:yin-hejun/);
});

test('hostile search input shows no error page', async ({ page, explorer }) => {
  await explorer.open();
  for (const text of ['AND (', '"', '*', '~', 'a:b OR c~', '<script>alert(1)</script>', '\\', ')))(((', "'; DROP"]) {
    await explorer.searchBox.fill(text);
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('listbox')).not.toContainText(/failed|error/i);
  }
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  expect(await explorer.graph.nodeIds()).not.toHaveLength(0);
});

test('a failed expansion says so, keeps the graph, and can be retried', async ({ page, explorer }) => {
  await explorer.open();
  const before = await explorer.graph.nodeIds();
  await page.route('**/api/nodes/*/neighbors*', (route) => route.fulfill({
    status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'database_unavailable', message: 'The graph database is not reachable.' }),
  }));
  await explorer.doubleClickNode(SEED.ministry);
  const alert = page.getByRole('alert').filter({ hasText: 'The graph database is not reachable.' }).first();
  await expect(alert).toBeVisible();
  expect(await explorer.graph.nodeIds()).toEqual(before);
  await page.unroute('**/api/nodes/*/neighbors*');
  await page.getByRole('button', { name: 'Retry' }).click();
  await explorer.settled();
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.yinHejun);
  await expect(page.getByRole('alert').filter({ hasText: 'not reachable' })).toHaveCount(0);
});

test('filter by type hides entities of that type and says so in the URL', async ({ page, explorer }) => {
  await explorer.open();
  await expect.poll(() => explorer.graph.visibleNodeIds()).toContain(SEED.chongqing);
  await page.getByRole('checkbox', { name: /Place/ }).uncheck();
  await explorer.settled();
  await expect.poll(() => explorer.graph.visibleNodeIds()).not.toContain(SEED.chongqing);
  await expect(page).toHaveURL(/hide=Place/);
});

test('remove and collapse take entities off the canvas', async ({ explorer }) => {
  await explorer.open();
  await explorer.clickNode(SEED.ministry);
  await explorer.details.getByRole('button', { name: 'Remove' }).click();
  await explorer.settled();
  await expect.poll(() => explorer.graph.nodeIds()).not.toContain(SEED.ministry);
  await explorer.clickNode(SEED.conference);
  const before = await explorer.graph.nodeIds();
  await explorer.details.getByRole('button', { name: 'Collapse' }).click();
  await explorer.settled();
  const after = await explorer.graph.nodeIds();
  expect(after.length).toBeLessThan(before.length);
  expect(after).toContain(SEED.conference);
  expect(after.every((id) => before.includes(id))).toBe(true);
});

test('stays usable at 375 px wide', async ({ page, explorer }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await explorer.open();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await explorer.search('Чунцин', /Chongqing/);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Chongqing' })).toBeVisible();
});

test('keyboard users reach every entity on the canvas through the list of entities in view', async ({ page, explorer }) => {
  await explorer.open();
  const list = page.locator('summary', { hasText: /Entities in view \(\d+\)/ });
  await list.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('list', { name: 'Entities in view' }).getByRole('button', { name: 'Yuelai International Convention Center' });
  await item.focus();
  await page.keyboard.press('Enter');
  await explorer.settled();
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Yuelai International Convention Center' })).toBeVisible();
  await expect.poll(() => explorer.graph.selectedIds()).toEqual(['place:yuelai-icc']);
});
