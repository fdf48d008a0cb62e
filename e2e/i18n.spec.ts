import { expect, test, type ExplorerPage } from './fixtures';
import { SEED } from './seed-ids';

// In Chongqing's view: an entity whose sources give an English name only, shown in English and marked.
const ENGLISH_ONLY = 'region:yangtze-river-economic-belt';

/** What makes two views the same view: entities, selection, filters and where everything is drawn. */
async function viewOf(explorer: ExplorerPage) {
  const ids = await explorer.graph.nodeIds();
  const url = new URL(explorer.page.url());
  url.searchParams.delete('lang');
  url.searchParams.sort();
  return {
    ids,
    selected: await explorer.graph.selectedIds(),
    positions: await Promise.all(ids.map((id) => explorer.graph.position(id))),
    query: url.searchParams.toString(),
  };
}

function expectSameView(a: Awaited<ReturnType<typeof viewOf>>, b: Awaited<ReturnType<typeof viewOf>>) {
  expect(b.ids).toEqual(a.ids);
  expect(b.selected).toEqual(a.selected);
  expect(b.query).toBe(a.query);
  a.ids.forEach((id, i) => {
    expect(Math.abs(b.positions[i]!.x - a.positions[i]!.x), id).toBeLessThanOrEqual(1);
    expect(Math.abs(b.positions[i]!.y - a.positions[i]!.y), id).toBeLessThanOrEqual(1);
  });
}

test('the switcher shows the same view in Russian and in Chinese: chrome, captions and the fallback marker', async ({ page, explorer }) => {
  await explorer.open(`/node/${SEED.chongqing}`);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await explorer.settled();
  // The address bar takes the new zoom after a short pause.
  await expect.poll(async () => new URL(page.url()).searchParams.get('z') === String(Math.round((await explorer.graph.zoom()) * 10_000) / 10_000)).toBe(true);
  const english = await viewOf(explorer);
  expect(english.ids).toContain(ENGLISH_ONLY);

  // Russian, with the pointer.
  await page.getByLabel('Interface language: English').click();
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/[?&]lang=ru(&|$)/);
  await explorer.waitForGraph();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  expectSameView(english, await viewOf(explorer));
  await expect(page.getByRole('banner')).toContainText('Граф НТС «Пояса и пути»');
  await expect(page.getByRole('combobox', { name: 'Поиск сущностей' })).toHaveAttribute('placeholder', /Поиск/);
  await expect(page.getByRole('button', { name: 'Копировать ссылку' })).toBeVisible();
  await expect(explorer.status).toContainText(/\d+ сущност(ь|и|ей) · \d+ связ(ь|и|ей) · двойной щелчок раскрывает/);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Чунцин' })).toBeVisible();
  await expect(explorer.details.getByText('Место', { exact: true })).toBeVisible();
  await expect(explorer.details.getByRole('heading', { name: 'Связи' })).toBeVisible();
  expect(await explorer.graph.label(SEED.chongqing)).toMatch(/^Чунцин(\n\+\d+)?$/);
  expect(await explorer.graph.label(ENGLISH_ONLY)).toMatch(/^Yangtze River Economic Belt \[EN\]/);
  await page.getByText(/^Сущности в виде/).click();
  const inView = page.getByRole('list', { name: 'Сущности в виде' });
  await expect(inView.getByRole('button', { name: /^Yangtze River Economic Belt/ })).toContainText('EN');

  // Chinese, from the keyboard.
  await page.getByLabel('Язык интерфейса: Русский').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '中文' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
  await explorer.waitForGraph();
  expectSameView(english, await viewOf(explorer));
  await expect(page.getByRole('banner')).toContainText('“一带一路”科技图谱');
  await expect(explorer.status).toContainText(/\d+个实体 · \d+条关系 · 双击即可展开/);
  await expect(explorer.details.getByRole('heading', { level: 2, name: '重庆' })).toBeVisible();
  expect(await explorer.graph.label(SEED.chongqing)).toMatch(/^重庆/);
  expect(await explorer.graph.label(ENGLISH_ONLY)).toMatch(/\[EN\]$/);
  await expect(page.getByRole('checkbox', { name: /^地点/ })).toBeChecked();
});

test('a copied link reopens in its language and its view, whatever language the next browser prefers', async ({ page, explorer, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await explorer.open(`/node/${SEED.chongqing}?lang=ru`);
  await explorer.search('Инь Хэцзюнь', /Инь Хэцзюнь/);
  await page.getByRole('button', { name: 'Копировать ссылку' }).click();
  await expect(page.getByRole('button', { name: 'Ссылка скопирована' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/[?&]lang=ru(&|$)/);
  const before = await viewOf(explorer);

  const other = await browser.newContext({ viewport: page.viewportSize()!, locale: 'zh-CN' });
  const fresh = await other.newPage();
  const reopened = new (explorer.constructor as typeof ExplorerPage)(fresh);
  await reopened.open(link);
  expectSameView(before, await viewOf(reopened));
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(reopened.details.getByRole('heading', { level: 2, name: 'Инь Хэцзюнь' })).toBeVisible();
  await expect(fresh.getByRole('combobox', { name: 'Поиск сущностей' })).toBeVisible();
  await other.close();
});

test("a browser that asks for Russian gets Russian without lang= in the link, and the link then says so", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const response = await page.goto('/');
  expect(response?.request().headers()['accept-language']).toMatch(/^ru/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 2, name: /^Первая Конференция/ })).toBeVisible();
  await expect(page.getByLabel('Язык интерфейса: Русский')).toBeVisible();
  await expect(page).toHaveURL(/[?&]lang=ru(&|$)/);
  await context.close();
});

test('a Chinese link unfurls in Chinese, and its preview image draws the Chinese title', async ({ page, request }) => {
  const html = await (await request.get(`/node/${SEED.chongqing}?lang=zh`, { headers: { 'Accept-Language': 'en-US' } })).text();
  const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
  expect(meta('og:title')).toBe('重庆');
  expect(meta('og:description')).toMatch(/^来自“一带一路”科技图谱的\d+个实体/);
  const image = new URL(meta('og:image')!);
  expect(image.searchParams.get('lang')).toBe('zh');

  const zh = await request.get(image.pathname + image.search);
  expect(zh.headers()['content-type']).toBe('image/png');
  image.searchParams.set('lang', 'en');
  const en = await request.get(image.pathname + image.search);
  const [zhBytes, enBytes] = [await zh.body(), await en.body()];
  expect(zhBytes.equals(enBytes)).toBe(false);

  // The title "重庆" is drawn as two different glyphs: missing glyphs ("tofu") would be two equal boxes.
  await page.setContent(`<img id="png" src="data:image/png;base64,${zhBytes.toString('base64')}">`);
  const glyphs = await page.evaluate(async () => {
    const img = document.getElementById('png') as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    // The title band of the card: dark ink on white, left-aligned.
    const { data, width } = ctx.getImageData(0, 0, canvas.width, 56);
    const ink = (x: number, y: number) => data[(y * width + x) * 4]! < 128;
    const columns = [...Array(width).keys()].filter((x) => [...Array(56).keys()].some((y) => ink(x, y)));
    if (columns.length === 0) return null;
    const left = columns[0]!;
    const right = columns[columns.length - 1]!;
    const half = Math.floor((right - left + 1) / 2);
    const mask = (from: number) => [...Array(56).keys()].map((y) => [...Array(half).keys()].map((x) => (ink(from + x, y) ? 1 : 0)).join('')).join('|');
    return { width: right - left + 1, first: mask(left), second: mask(right + 1 - half) };
  });
  expect(glyphs).not.toBeNull();
  expect(glyphs!.width).toBeGreaterThan(40);
  expect(glyphs!.first).not.toBe(glyphs!.second);
});
