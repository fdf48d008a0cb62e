import { loadEnv } from '../lib/env';
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/control';
import { type AppProcess, startApp } from '../test/app-server';
import { startSeeded } from '../test/db';
import { besideTestDatabase, testEnvironment } from '../test/test-env';
import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

// Stops a real database mid-session and starts it again; nothing is simulated here. The database
// (seeded like the test database) and the production server in front of it are this spec's own,
// so the other browser tests keep theirs and run meanwhile.
const env = loadEnv({ ...process.env, ...besideTestDatabase(4, 'down') });
const port = Number(testEnvironment().APP_TEST_PORT) + 20;
let app: AppProcess | null = null;

test.use({ baseURL: `http://127.0.0.1:${port}` });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await startSeeded(env);
  app = await startApp(port, { NEO4J_URI: env.uri, NEO4J_LOCAL_PORT: String(env.NEO4J_LOCAL_PORT), NEO4J_LOCAL_DIR: env.NEO4J_LOCAL_DIR, RATE_LIMIT_PER_SECOND: '0' });
});

test.afterAll(async () => {
  await app?.stop();
  await stopLocalNeo4j(env, () => undefined);
});

test('the database going down shows a banner, keeps the graph, and the banner clears itself when it is back', async ({ page, explorer }) => {
  test.setTimeout(180_000);
  await explorer.open();
  const before = await explorer.graph.nodeIds();
  const banner = page.getByRole('alert').filter({ hasText: 'not reachable right now' });
  const other = await page.context().newPage();
  expect(await stopLocalNeo4j(env, () => undefined)).toBe('stopped');
  try {
    await explorer.doubleClickNode(SEED.ministry);
    await expect(banner).toBeVisible();
    expect(await explorer.graph.nodeIds()).toEqual(before);
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

    // A link opened while the database is down still opens, says so, and answers no error page.
    const response = await other.goto('/?v=1&n=org:most');
    expect(response?.status()).toBe(200);
    await expect(other.getByRole('alert').filter({ hasText: 'not reachable right now' })).toBeVisible();
  } finally {
    await startLocalNeo4j(env, () => undefined);
  }
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'The database is back' })).toBeVisible();
  // A database just started plans every query afresh: on a busy machine its first answers took 6-15 s
  // each in a CI run, so the first step after it gets a minute (the default 15 s is for a warm one).
  await page.getByRole('button', { name: 'Retry' }).click();
  await explorer.settled(60_000);
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.yinHejun);
  // The other page renders its link again once the database answers (a reload): a poll that meets
  // the navigation reads nothing and asks again.
  await expect.poll(() => other.evaluate(() => window.__graph?.nodeIds() ?? []).catch(() => []), { timeout: 60_000 }).toEqual([SEED.ministry]);
});
