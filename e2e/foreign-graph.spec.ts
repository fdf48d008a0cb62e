import { spawn, type ChildProcess } from 'node:child_process';
import { FILMS, foreignEnv, foreignPassword, loadForeignGraph, SCIENCE, SCIENCE_HUB, stopForeign } from '../test/foreign-graphs';
import { seriousViolations } from './a11y';
import { testEnvironment } from '../test/test-env';
import { expect, test } from './fixtures';

// The explorer on a Neo4j the project did not seed: a films graph keyed by names with spaces and
// in three scripts, and a science graph whose labels and relationship types are Cyrillic or have
// spaces, with a hub of 250 neighbours; no sources, no countries. A fresh database, served by a
// second production server of the same build, under a name of its own (APP_TITLE).
const TITLE = 'Атлас науки';
const env = foreignEnv();
const port = Number(testEnvironment().APP_TEST_PORT) + 1;
const base = `http://127.0.0.1:${port}`;
let app: ChildProcess | null = null;

// One worker runs this file's tests in order: they share the database and server beforeAll starts.
test.describe.configure({ mode: 'default', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await loadForeignGraph({ name: 'films', statements: [...FILMS.statements, ...SCIENCE.statements] }, env);
  app = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...testEnvironment(), NEO4J_URI: env.uri, NEO4J_PASSWORD: foreignPassword(env), PORT: String(port), APP_TITLE: TITLE },
    stdio: 'ignore',
    // Its own process group, so that stopping it stops the server npx started too (no orphan on the port).
    detached: true,
  });
  // Ready when the app answers health from the new database (the signal the test server also uses).
  await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 120_000, intervals: [250] }).toBe(200);
});

test.afterAll(async () => {
  if (app?.pid && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app!.once('exit', resolve));
    try {
      process.kill(-app.pid, 'SIGTERM');
      await exited;
    } catch {
      // Already gone.
    }
  }
  await stopForeign(env);
});

test('another graph: open, search, expand, connect, and share a deep link', async ({ page, explorer, browser }) => {
  await explorer.open(`${base}/`);

  await explorer.search('keanu', /Keanu Reeves/);
  // Ids are encoded once in the link: readable, and the URL parser gives the id back as it is.
  await expect(page).toHaveURL(/Keanu%20Reeves/);
  expect(new URL(page.url()).searchParams.get('s')).toBe('Person:Keanu Reeves');
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Keanu Reeves' })).toBeVisible();
  // A graph without sources has no evidence grades, so no evidence key or filter either.
  await expect(explorer.details.getByTestId('evidence-line')).toHaveCount(0);
  await expect(page.getByTestId('evidence-legend')).toHaveCount(0);
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(expect.arrayContaining(['Person:Keanu Reeves', 'Movie:The Matrix', 'Movie:卧虎藏龙']));

  await explorer.doubleClickNode('Movie:The Matrix');
  await expect.poll(() => explorer.graph.nodeIds()).toContain('Person:Carrie-Anne Moss');

  await explorer.findPaths('Carrie', /Carrie-Anne Moss/, '周润发', /周润发/);
  const steps = page.getByRole('list', { name: 'Path' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  await expect(steps.last()).toContainText('周润发');

  // The address bar is the view: a second visitor opening it sees the same entities.
  const link = page.url();
  const shown = (await explorer.graph.nodeIds()).sort();
  const other = await browser.newPage();
  await other.goto(link);
  await expect.poll(() => other.evaluate(() => (window.__graph?.nodeIds() ?? []).sort())).toEqual(shown);
  await other.close();
});

// The earlier link format encoded every item twice; such links must keep opening.
const twice = (id: string) => encodeURIComponent(id).replace(/%3A/g, ':').replace(/%/g, '%25');
const once = (id: string) => encodeURIComponent(id).replace(/%3A/g, ':');

test('a graph of its own: its name and colours, no provenance or map, expand a hub by a Cyrillic type, hide it by link', async ({ page, explorer, browser }) => {
  // Its own name: in the page title of a view with nothing selected, and in the header.
  await page.goto(`${base}/?v=1&n=${once(SCIENCE_HUB)}&lang=en`);
  await expect(page).toHaveTitle(TITLE);
  await explorer.open(`${base}/?v=1&n=${once(SCIENCE_HUB)}&s=${once(SCIENCE_HUB)}&lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}`) })).toBeVisible();
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Центр Ады Лавлейс' })).toBeVisible();

  // No sources in this graph: no "why?", no source lists; a relationship offers its details instead.
  await expect(explorer.details.getByRole('button', { name: /^details\b/ }).first()).toBeVisible();
  await expect(explorer.details.getByRole('button', { name: /^why\?/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Sources$|sources$/ })).toHaveCount(0);
  await expect(page.getByText('No source recorded.')).toHaveCount(0);
  // No countries: no world map to choose.
  await expect(page.getByRole('combobox', { name: 'Layout' }).locator('option')).toHaveText(['Force', 'Circle', 'Grid']);

  // The API takes the type as the database names it.
  const api = await page.request.get(`${base}/api/nodes/${encodeURIComponent(SCIENCE_HUB)}/neighbors?entityType=${encodeURIComponent('Учёный')}&limit=5`);
  expect(api.status()).toBe(200);
  expect((await api.json()).total).toBe(200);

  // Expanding the hub by that type draws its 200 scientists (as a group: more than 50). A type the
  // messages do not know is counted as the database names it ("Учёный: 200"), no plural invented.
  await explorer.details.getByRole('button', { name: /^Expand Учёный: 200/ }).click();
  await explorer.settled();
  await expect(page.locator('.banner-error')).toHaveCount(0);
  await expect.poll(async () => (await explorer.graph.nodeIds()).filter((id) => id.includes('Учёный')).length).toBeGreaterThan(0);
  await explorer.details.getByRole('button', { name: /^Expand Research Lab: 50/ }).click();
  await explorer.settled();
  await expect.poll(() => explorer.graph.nodeIds()).toContain('Research Lab:Lab 1');

  // Every type is drawn in the colour the legend shows.
  for (const [type, id] of [['Научный центр', SCIENCE_HUB], ['Research Lab', 'Research Lab:Lab 1']] as const) {
    const swatch = await page.locator('.legend-item', { hasText: type }).locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    const drawn = (await explorer.graph.nodeStyle(id))!.colour;
    expect(drawn.replace(/\s/g, ''), type).toBe(swatch.replace(/\s/g, ''));
    expect(swatch).not.toBe('rgb(136, 153, 170)');
  }

  // Hiding a type with a space writes it into the link, and the link reopens it hidden.
  await page.getByRole('checkbox', { name: /Research Lab/ }).uncheck();
  await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('Research Lab');
  expect(page.url()).not.toContain('%25');
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect.poll(() => other.evaluate(() => window.__graph?.nodeIds().length ?? 0)).toBeGreaterThan(0);
  await expect(other.getByRole('checkbox', { name: /Research Lab/ })).not.toBeChecked();
  await expect.poll(() => other.evaluate(() => window.__graph?.visibleNodeIds() ?? [])).not.toContain('Research Lab:Lab 1');
  await other.close();

  expect(await seriousViolations(page)).toEqual([]);
});

test('a link of the earlier format (ids encoded twice) still opens', async ({ page, explorer }) => {
  await explorer.open(`${base}/?v=1&n=${twice(SCIENCE_HUB)}&s=${twice(SCIENCE_HUB)}&lang=en`);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Центр Ады Лавлейс' })).toBeVisible();
  await expect(page.locator('.notes')).toHaveCount(0);
});
