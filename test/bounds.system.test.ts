import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '../graph-seed/load';
import { type AppProcess, rawGet, residentBytes, serverStatus, startApp, startNextStart } from './app-server';
import { testEnvironment } from './test-env';

/**
 * Nothing grows without bound, and a client is who its socket says: real HTTP against the production
 * build, under scripts/serve.mjs and under `next start`.
 */
const BASE_PORT = Number(testEnvironment().APP_TEST_PORT) + 6;
const MB = 1024 ** 2;

const seedIds = ['core.json', 'countries.json'].flatMap((file) =>
  (JSON.parse(readFileSync(path.join(DEFAULT_SEED_DIR, file), 'utf8')) as { nodes: { id: string }[] }).nodes.map((n) => n.id));

/** The i-th of many different views: 60 consecutive seed ids from a moving start, plus one more. */
function distinctIds(i: number): string[] {
  const window = Array.from({ length: 60 }, (_, k) => seedIds[(i + k) % seedIds.length]!);
  const extra = seedIds[(Math.floor(i / seedIds.length) * 7 + i + 61) % seedIds.length]!;
  return [...new Set([...window, extra])];
}

/** Runs `count` requests, `concurrency` at a time, over kept-alive connections; resolves with their statuses. */
async function drive(url: string, count: number, concurrency: number, target: (i: number) => string): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const { status } = await rawGet(url, target(next++), { agent });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return statuses;
}

describe('memory under 10,000 distinct junk requests (CACHE_MAX_BYTES)', () => {
  const CACHE_MAX_BYTES = 8 * MB;
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp(BASE_PORT, { CACHE_MAX_BYTES: String(CACHE_MAX_BYTES), RATE_LIMIT_PER_SECOND: '0' });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('keeps the caches within their bytes and the server within its memory, and draws a view once however it is dressed', async () => {
    const view = `n=${encodeURIComponent(seedIds.slice(0, 12).join(','))}&lang=en`;
    const preview = (i: number) => `/api/preview?${view}&utm_junk=${i}&z=${1 + (i % 97) / 100}&c=${i},-${i}&v=1`;
    const subgraph = (i: number) => `/api/subgraph?ids=${encodeURIComponent(distinctIds(i).join(','))}&junk${i}=${i}`;
    // Warm up every path (first renders, worker threads, code loaded), then take the baseline.
    expect((await drive(app.url, 40, 4, (i) => (i % 2 ? subgraph(i) : preview(i)))).get(200)).toBe(40);
    const before = await serverStatus(app);
    const baseline = residentBytes(app.child.pid!);

    const started = performance.now();
    const statuses = await drive(app.url, 10_000, 8, (i) => (i % 2 ? subgraph(1_000 + i) : preview(1_000 + i)));
    const seconds = (performance.now() - started) / 1000;
    expect(Object.fromEntries(statuses)).toEqual({ 200: 10_000 });

    const after = await serverStatus(app) as { rss: number; 'read-cache': { bytes: number; maxBytes: number; loads: number }; 'edge-cache': { bytes: number; maxBytes: number } };
    const rss = residentBytes(app.child.pid!);
    const cache = after['read-cache'];
    const loads = cache.loads - (before['read-cache'] as { loads: number }).loads;
    console.log(`[bounds] 10,000 requests in ${seconds.toFixed(1)} s; RSS ${(baseline / MB).toFixed(0)} -> ${(rss / MB).toFixed(0)} MB; `
      + `read cache ${(cache.bytes / MB).toFixed(1)} of ${(cache.maxBytes / MB).toFixed(1)} MB, ${loads} loads; `
      + `front door ${(after['edge-cache'].bytes / 1024).toFixed(0)} of ${(after['edge-cache'].maxBytes / 1024).toFixed(0)} KB`);

    // The bounds hold: the caches' estimates, and the memory the kernel sees. 5,000 different subgraphs
    // of about 60 entities are several hundred MB as the cache counts them (and as main used to keep them).
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.maxBytes + after['edge-cache'].maxBytes).toBeLessThanOrEqual(CACHE_MAX_BYTES);
    expect(after['edge-cache'].bytes).toBeLessThanOrEqual(after['edge-cache'].maxBytes);
    expect(rss - baseline).toBeLessThan(96 * MB);
    // Every subgraph was new; the 5,000 previews of one view were drawn at most once more.
    expect(loads).toBeLessThanOrEqual(5_000 + 1);
  }, 180_000);
});

/** Requests from 127.0.0.1 that each claim to come from somewhere else, in every header a client could try. */
function forged(i: number): Record<string, string> {
  return {
    'X-Client-Address': `198.51.100.${i % 250}`,
    'X-Forwarded-For': `203.0.113.${i % 250}`,
    'X-Real-IP': `192.0.2.${i % 250}`,
    Forwarded: `for=192.0.2.${i % 250}`,
  };
}

const RATE = { RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: '10' };

describe.each([
  ['npm run serve (scripts/serve.mjs)', () => startApp(BASE_PORT + 1, RATE)],
  ['next start', () => startNextStart(BASE_PORT + 2, RATE)],
])('one client, one bucket, under %s', (_name, start) => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await start();
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('a forged address header does not pick a bucket, and another client keeps its own', async () => {
    const answered: number[] = [];
    for (let i = 0; i < 25; i++) {
      // Cached reads too: under serve.mjs they are answered before routing, with the same limit.
      const target = i % 2 ? '/api/nodes/org:most' : '/api/health';
      answered.push((await rawGet(app.url, target, { headers: forged(i) })).status);
    }
    expect(answered.filter((status) => status === 200).length).toBeLessThanOrEqual(10);
    expect(answered.slice(-5)).toEqual([429, 429, 429, 429, 429]);

    const other = await rawGet(app.url, '/api/health', { localAddress: '127.0.0.2' });
    expect(other.status).toBe(200);
  });
});
