import { spawn, type ChildProcess } from 'node:child_process';
import { FILMS, foreignEnv, foreignPassword, loadForeignGraph, stopForeign } from '../test/foreign-graphs';
import { testEnvironment } from '../test/test-env';
import { expect, test } from './fixtures';

// The explorer on a Neo4j the project did not seed: a films graph keyed by names with spaces and
// in three scripts, in a fresh database, served by a second production server of the same build.
const env = foreignEnv();
const port = Number(testEnvironment().APP_TEST_PORT) + 1;
const base = `http://127.0.0.1:${port}`;
let app: ChildProcess | null = null;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await loadForeignGraph(FILMS, env);
  app = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...testEnvironment(), NEO4J_URI: env.uri, NEO4J_PASSWORD: foreignPassword(env), PORT: String(port) },
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
  await expect(page).toHaveURL(/Keanu%2520Reeves/);
  await expect(explorer.details.getByRole('heading', { level: 2, name: 'Keanu Reeves' })).toBeVisible();
  await expect(explorer.details.getByText('No source recorded.')).toBeVisible();
  // A graph without sources has no evidence grades, so no evidence key or filter either.
  await expect(explorer.details.getByTestId('evidence-line')).toHaveCount(0);
  await expect(page.getByTestId('evidence-legend')).toHaveCount(0);
  await expect.poll(() => explorer.graph.nodeIds()).toEqual(expect.arrayContaining(['Person:Keanu Reeves', 'Movie:The Matrix', 'Movie:卧虎藏龙']));

  await explorer.doubleClickNode('Movie:The Matrix');
  await expect.poll(() => explorer.graph.nodeIds()).toContain('Person:Carrie-Anne Moss');

  await page.getByText('How are these connected?').click();
  await page.getByRole('combobox', { name: 'Path from' }).fill('Carrie');
  await page.getByRole('option', { name: /Carrie-Anne Moss/ }).click();
  await page.getByRole('combobox', { name: 'Path to' }).fill('周润发');
  await page.getByRole('option', { name: /周润发/ }).click();
  await page.getByRole('button', { name: 'Show the path' }).click();
  await explorer.settled();
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
