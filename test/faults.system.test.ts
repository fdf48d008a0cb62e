import http from 'node:http';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../lib/env';
import { EMPTY_STATE, serializeExplorerState } from '../lib/url-state';
import { boltAnswers, startLocalNeo4j } from '../neo4j/control';
import { type AppProcess, rawGet, startApp } from './app-server';
import { testDriver } from './db';
import { testEnvironment } from './test-env';

/**
 * Faults under load, against the production build and the real test database: the database frozen
 * (SIGSTOP: it accepts connections and answers nothing) and killed (SIGKILL), and the app itself
 * told to stop (SIGTERM) with a request in flight and a keep-alive connection open.
 */
const QUERY_TIMEOUT_MS = 2_000;
const BASE_PORT = Number(testEnvironment().APP_TEST_PORT) + 2;
const env = loadEnv();

function neo4jPid(): number {
  return Number(readFileSync(`${path.resolve(env.NEO4J_LOCAL_DIR)}.pid`, 'utf8').trim());
}

/** Background load: `clients` loops of uncached searches and health checks until stopped. Records the slowest answer. */
function backgroundLoad(url: string, clients: number) {
  let running = true;
  let slowest = 0;
  let counter = 0;
  const done = Promise.all(Array.from({ length: clients }, async () => {
    while (running) {
      const i = counter++;
      const target = i % 2 === 0 ? '/api/health' : `/api/search?q=load${i}&limit=5`;
      const response = await rawGet(url, target, { timeoutMs: 30_000 }).catch(() => null);
      if (response) slowest = Math.max(slowest, response.ms);
    }
  }));
  return { stop: async () => { running = false; await done; return { slowest, requests: counter }; } };
}

/** Polls `path` until it answers `status`; resolves with the time that took. Bounded. */
async function timeUntil(url: string, target: string, status: number, limitMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    const response = await rawGet(url, target, { timeoutMs: limitMs }).catch(() => null);
    if (response?.status === status) return performance.now() - start;
  }
  return Number.POSITIVE_INFINITY;
}

describe('database faults under load', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp(BASE_PORT, { RATE_LIMIT_PER_SECOND: '0', NEO4J_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) });
  }, 120_000);

  afterAll(async () => {
    try {
      process.kill(neo4jPid(), 'SIGCONT');
    } catch { /* not frozen */ }
    if (!(await boltAnswers(env))) await startLocalNeo4j(env, () => {});
    await app?.stop();
  }, 180_000);

  it('answers 503 within the query timeout + 1 s while the database is frozen, and 200 once it thaws', async () => {
    expect((await rawGet(app.url, '/api/health')).status).toBe(200);
    const load = backgroundLoad(app.url, 4);
    const pid = neo4jPid();
    process.kill(pid, 'SIGSTOP');
    try {
      const frozen = await rawGet(app.url, '/api/search?q=frozen&limit=5');
      expect(frozen.status).toBe(503);
      expect(frozen.headers['retry-after']).toBeDefined();
      expect(frozen.ms).toBeLessThanOrEqual(QUERY_TIMEOUT_MS + 1_000);
      const health = await rawGet(app.url, '/api/health');
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThanOrEqual(QUERY_TIMEOUT_MS + 1_000);
      console.log(`freeze: search 503 after ${Math.round(frozen.ms)} ms, health 503 after ${Math.round(health.ms)} ms (query timeout ${QUERY_TIMEOUT_MS} ms)`);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const recovered = await timeUntil(app.url, '/api/health', 200, 10_000);
    const { slowest, requests } = await load.stop();
    console.log(`freeze: 200 again ${Math.round(recovered)} ms after thawing; slowest of ${requests} requests under load ${Math.round(slowest)} ms`);
    expect(recovered).toBeLessThanOrEqual(5_000);
    expect(slowest).toBeLessThanOrEqual(QUERY_TIMEOUT_MS + 1_000);
  }, 60_000);

  it('answers 503 within 2 s of the database being killed, and 200 within 5 s of it answering again', async () => {
    expect((await rawGet(app.url, '/api/health')).status).toBe(200);
    const load = backgroundLoad(app.url, 4);
    process.kill(neo4jPid(), 'SIGKILL');
    const down = await timeUntil(app.url, '/api/health', 503, 10_000);
    console.log(`kill: first 503 ${Math.round(down)} ms after SIGKILL`);
    expect(down).toBeLessThanOrEqual(2_000);
    const after = await rawGet(app.url, '/api/nodes/initiative:bri');
    expect(after.status).toBe(503);
    expect(after.headers['cache-control']).toBe('no-store');
    // Each answer says so clearly and shows nothing of the query or the driver.
    for (const target of ['/api/health', '/api/search?q=chongqing-down', '/api/nodes/org:most']) {
      const answer = await rawGet(app.url, target);
      expect(answer.status, target).toBe(503);
      expect(JSON.parse(answer.body).error, target).toEqual(expect.any(String));
      expect(answer.body, target).not.toMatch(/MATCH|Neo4jError|ServiceUnavailable|at \w+ \(/);
    }
    // Reads the desk answers and reads Next.js routes, at the same moment, wait on the same reads (the
    // read cache shares its loads between the app's bundles): each is a 503, whichever bundle failed first.
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        ...['org:most', 'initiative:bri', 'country:KAZ'].map((id) => rawGet(app.url, `/api/nodes/${id}?round=${round}`)),
        ...['org:most', 'place:chongqing', 'country:KAZ'].map((id) => fetch(`${app.url}/api/subgraph`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: [id, `nope:${round}`] }),
        }).then(async (response) => ({ status: response.status, body: await response.text() }))),
      ]);
      expect(answers.map((answer) => `${answer.status} ${answer.body.slice(0, 60)}`).filter((line) => !line.startsWith('503 '))).toEqual([]);
    }
    // A share image during the outage is a 503 that nobody may store, not a "not reachable" picture cached for minutes.
    const preview = await rawGet(app.url, `/api/preview?v=1&n=initiative:bri~country:KAZ&x=${Date.now()}`);
    expect(preview.status).toBe(503);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.headers['retry-after']).toBeDefined();

    const restarting = performance.now();
    await startLocalNeo4j(env, () => {}); // resolves once Bolt answers
    // "Answering" is a real read succeeding: after a crash Neo4j recovers its store and indexes
    // first, which on a busy machine takes seconds after Bolt is up. No app can be faster than that.
    const { driver, database } = testDriver();
    try {
      for (let attempt = 0; attempt < 120; attempt++) {
        const ok = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS entities', {}, { database, routing: neo4j.routing.READ }).then(() => true, () => false);
        if (ok) break;
      }
    } finally {
      await driver.close();
    }
    const answering = performance.now() - restarting;
    const up = await timeUntil(app.url, '/api/health', 200, 15_000);
    const { slowest } = await load.stop();
    console.log(`kill: the database answered ${Math.round(answering)} ms after the restart began; the app 200 again ${Math.round(up)} ms after that; slowest request under load ${Math.round(slowest)} ms`);
    expect(up).toBeLessThanOrEqual(5_000);
  }, 240_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, refuses new connections, closes keep-alives and exits', async () => {
    const app = await startApp(BASE_PORT + 1, { RATE_LIMIT_PER_SECOND: '0', LOG_REQUESTS: '1' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    try {
      // Warm (untimed): the first preview of a fresh server also starts its worker.
      expect((await rawGet(app.url, '/api/preview?v=1&n=initiative:bri')).status).toBe(200);
      // A kept-alive, idle connection...
      expect((await rawGet(app.url, '/api/health', { agent })).status).toBe(200);
      const idleSocket = Object.values(agent.freeSockets).flat()[0]!;
      const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));
      // ...and a slow request in flight: the preview of a view nobody asked for before.
      const hub = 'initiative:bri';
      const view = serializeExplorerState({ ...EMPTY_STATE, batches: [[hub], [`country:KAZ`, `country:RUS`, `place:chongqing`, String(Date.now())]], expanded: { [hub]: 1 } });
      const started = new Promise<void>((resolve) => {
        const onData = (chunk: Buffer) => {
          if (chunk.toString('utf8').includes('request GET /api/preview')) {
            app.child.stdout!.off('data', onData);
            resolve();
          }
        };
        app.child.stdout!.on('data', onData);
      });
      const inFlight = rawGet(app.url, `/api/preview?${view}`);
      await started;
      const signalled = performance.now();
      const exited = app.stop('SIGTERM');

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      await idleClosed;
      await expect(rawGet(app.url, '/api/health', { timeoutMs: 2_000 })).rejects.toThrow(/ECONNREFUSED|socket hang up|ECONNRESET/);
      expect(await exited).toBe(0);
      const took = performance.now() - signalled;
      console.log(`SIGTERM: in-flight request answered, exit after ${Math.round(took)} ms`);
      expect(took).toBeLessThan(10_000 + 2_000);
    } finally {
      agent.destroy();
      await app.stop('SIGKILL');
    }
  }, 60_000);

  it('runs several app processes on one port with WEB_CONCURRENCY, and one SIGTERM stops them all', async () => {
    const app = await startApp(BASE_PORT + 1, { RATE_LIMIT_PER_SECOND: '0', WEB_CONCURRENCY: '2', WORKER_POOL_SIZE: '0' });
    try {
      // startApp returns at the first "ready"; the second process announces itself the same way.
      const readyPids = () => app.output.filter((line) => line.includes('[serve] ready')).map((line) => Number(/pid (\d+)/.exec(line)?.[1]));
      if (readyPids().length < 2) {
        await new Promise<void>((resolve) => {
          const onData = () => {
            if (readyPids().length < 2) return;
            app.child.stdout!.off('data', onData);
            resolve();
          };
          app.child.stdout!.on('data', onData);
        });
      }
      const pids = readyPids();
      expect(new Set(pids).size).toBe(2);
      expect(pids).not.toContain(app.child.pid);
      for (let i = 0; i < 6; i++) expect((await rawGet(app.url, '/api/health')).status).toBe(200);

      expect(await app.stop('SIGTERM')).toBe(0);
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      expect(pids.filter(alive)).toEqual([]);
      await expect(rawGet(app.url, '/api/health', { timeoutMs: 2_000 })).rejects.toThrow(/ECONNREFUSED|socket hang up|ECONNRESET/);
    } finally {
      await app.stop('SIGKILL');
    }
  }, 90_000);
});
