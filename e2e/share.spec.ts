import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

test('a view built by hand reopens identically from its URL in a fresh browser', async ({ page, explorer, browser }) => {
  await explorer.open();
  await explorer.search('Yin Hejun', /Yin Hejun/);
  await explorer.doubleClickNode(SEED.ministry);
  await explorer.doubleClickNode(SEED.conference);
  await explorer.clickNode(SEED.chongqing);
  await page.getByRole('checkbox', { name: /^Country/ }).uncheck();
  await explorer.settled();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await explorer.settled();
  await expect.poll(async () => new URL(page.url()).searchParams.get('z') === String(Math.round((await explorer.graph.zoom()) * 10_000) / 10_000)).toBe(true);

  const url = page.url();
  const ids = await explorer.graph.nodeIds();
  const visible = await explorer.graph.visibleNodeIds();
  const selected = await explorer.graph.selectedIds();
  const model = await Promise.all(ids.map((id) => explorer.graph.position(id)));
  const rendered = await Promise.all(ids.map((id) => explorer.graph.renderedPosition(id)));
  expect(ids.length).toBeGreaterThan(25);
  expect(selected).toEqual([SEED.chongqing]);

  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const fresh = await context.newPage();
  const other = new (explorer.constructor as typeof import('./fixtures').ExplorerPage)(fresh);
  await other.open(url);
  expect(await other.graph.nodeIds()).toEqual(ids);
  expect(await other.graph.visibleNodeIds()).toEqual(visible);
  expect(await other.graph.selectedIds()).toEqual(selected);
  await expect(fresh.getByRole('checkbox', { name: /^Country/ })).not.toBeChecked();
  await expect(other.details.getByRole('heading', { level: 2, name: 'Chongqing' })).toBeVisible();
  const model2 = await Promise.all(ids.map((id) => other.graph.position(id)));
  const rendered2 = await Promise.all(ids.map((id) => other.graph.renderedPosition(id)));
  ids.forEach((id, i) => {
    expect(Math.abs(model2[i]!.x - model[i]!.x), id).toBeLessThanOrEqual(1);
    expect(Math.abs(model2[i]!.y - model[i]!.y), id).toBeLessThanOrEqual(1);
    expect(Math.abs(rendered2[i]!.x - rendered[i]!.x), id).toBeLessThanOrEqual(2);
    expect(Math.abs(rendered2[i]!.y - rendered[i]!.y), id).toBeLessThanOrEqual(2);
  });
  await context.close();
});

test('Back and Forward step through the exploration without reloading the page', async ({ page, explorer }) => {
  await explorer.open();
  await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
  const start = await explorer.graph.nodeIds();
  await explorer.search('Yin Hejun', /Yin Hejun/);
  const afterSearch = await explorer.graph.nodeIds();
  await explorer.doubleClickNode(SEED.ministry);
  const afterExpand = await explorer.graph.nodeIds();
  await explorer.clickNode(SEED.conference);
  await page.getByRole('checkbox', { name: /^Place/ }).uncheck();
  await explorer.settled();
  expect(afterExpand.length).toBeGreaterThan(afterSearch.length);

  await explorer.history('back');
  await expect(page.getByRole('checkbox', { name: /^Place/ })).toBeChecked();
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.conference]);
  await explorer.history('back');
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.ministry]);
  // The double-click was two steps: its first click selected the ministry, then it expanded.
  await explorer.history('back');
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(afterSearch);
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.ministry]);
  await explorer.history('back');
  await expect.poll(() => explorer.graph.selectedIds()).toEqual([SEED.yinHejun]);
  await explorer.history('back');
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(start);

  await explorer.history('forward');
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(afterSearch);
  await page.goForward();
  await explorer.history('forward');
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(afterExpand);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a link with unknown and malformed parts opens with what was valid and a note', async ({ page, explorer }) => {
  await explorer.open(`/?v=1&n=org:most;nope:missing~person:yin-hejun;bad%20id;;&x=org:most@zz&s=org:gone&l=spiral&z=NaN&c=1`);
  await expect.poll(() => explorer.graph.nodeIds()).toEqual([SEED.ministry, SEED.yinHejun]);
  const notes = page.getByRole('list', { name: 'Notes about this link' });
  await expect(notes).toContainText('nope:missing');
  await expect(notes).toContainText('layout "spiral"');
  await expect(notes).toContainText('malformed');
  await expect(notes).toContainText('org:gone');
  await expect(page).not.toHaveURL(/nope:missing/);
});

test('a link naming nothing that exists falls back to the starting view, with a note', async ({ page, explorer }) => {
  const response = await page.goto(`/?v=1&n=x:${'y'.repeat(3000)},MATCH%20(n)%20DETACH%20DELETE%20n`);
  expect(response?.status()).toBe(200);
  await explorer.waitForGraph();
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.conference);
  await expect(page.getByRole('list', { name: 'Notes about this link' })).toBeVisible();
});

test('the first paint comes from the server: the page HTML already draws the graph', async ({ request }) => {
  const html = await (await request.get(`/?v=1&n=org:most;person:yin-hejun;event:brst-2023`)).text();
  expect(html.match(/<circle /g)?.length).toBe(3);
  expect(html).toContain('Yin Hejun');
});

test('shared links unfurl: a title, a description and a PNG preview of the view', async ({ page, request }) => {
  await page.goto('/node/person:yin-hejun');
  await expect(page).toHaveTitle(/Yin Hejun/);
  const description = await page.locator('meta[property="og:description"]').getAttribute('content');
  expect(description).toMatch(/Minister of Science and Technology/);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/\/api\/preview\?v=1&n=person:yin-hejun/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');

  const png = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  const bytes = await png.body();
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5_000);
  expect((await request.get('/api/preview?n=%ZZ&l=<b>')).headers()['content-type']).toBe('image/png');
  expect((await request.get('/node/nope:missing')).status()).toBe(404);
});

test('"Copy link" puts the address of the current view on the clipboard', async ({ page, explorer, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await explorer.open();
  await explorer.search('Kazakhstan', /^Kazakhstan/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  expect(page.url()).toContain('s=country:KAZ');
});
