import { loadEnv } from '../lib/env';
import { getNeo4j, readQuery } from '../lib/db/driver';
import { getNeighbors, getNode, search } from '../lib/db/queries';
import { getSchema } from '../lib/db/schema';
import { loadDotenv } from '../lib/load-dotenv';
import { summarize, timed } from './stats';

/**
 * Search, details and neighbour latency at one client: through the HTTP API of a running app, and
 * the same data-access functions (same Cypher, same driver settings) called in this process, so the
 * difference is what Next.js and HTTP add. Two mixes, each operation in both:
 *
 *   cold  every request new: a search string and limit, an entity, an entity and page size that no
 *         earlier request of the run asked for, so neither the app's read cache nor its front door
 *         has the answer (the database's own caches are warm, as on any running server);
 *   hot   ten requests repeated: after the first round the app answers from its cache, while the
 *         data-layer column still reads the database each time.
 *
 * Requests are sequential: this measures latency, not load.
 *
 *   npm start            (or any running app on the same database; with the rate limit raised:
 *                         RATE_LIMIT_PER_SECOND=100000 RATE_LIMIT_BURST=100000 node scripts/serve.mjs)
 *   npm run bench:latency   (BENCH_URL, default http://127.0.0.1:3000; BENCH_N, default 240)
 */
const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const N = Number(process.env.BENCH_N ?? 240);
const WARMUP = 20;
const QUERIES = ['Chongqing', 'chongq', 'Chongqng', 'Чунцин', '重庆', 'Yin Hejun', 'Инь Хэцзюнь', 'kazakhstan', 'belt and road', 'ministry'];
const WARMUP_QUERIES = ['Astana', 'Moscow', 'Tashkent', 'laboratory', 'Пекин'];

interface Operation {
  name: string;
  api: (i: number) => string;
  driver: (i: number) => Promise<unknown>;
}

async function httpJson(path: string): Promise<void> {
  const response = await fetch(`${BASE}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.json();
}

/** Median, p95 and mean of N sequential calls after WARMUP calls of their own (keys the measured calls never use). */
async function measure(call: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number; mean: number }> {
  for (let i = 0; i < WARMUP; i++) await call(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < N; i++) samples.push(await timed(() => call(i)));
  const s = summarize(samples);
  return { median: s.median, p95: s.p95, mean: s.mean };
}

const fmt = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));

async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const schema = await getSchema();
  const enc = encodeURIComponent;
  // Every entity id, shuffled the same way each run: each cold details call reads one no call before it read.
  const ids = (await readQuery<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY n.id', {})).map((r) => r.id)
    .map((id, i) => ({ id, k: (i * 7919) % 1009 })).sort((a, b) => a.k - b.k).map((r) => r.id);
  if (ids.length < N + WARMUP) throw new Error(`The cold details mix needs ${N + WARMUP} entities; this graph has ${ids.length} (set BENCH_N lower).`);
  const hubs = ['event:brst-2023', 'initiative:bri', 'org:most', 'country:KAZ', 'person:yin-hejun'];
  // Cold keys: warm-up calls get i < 0 and keys the measured calls never reach.
  const coldSearch = (i: number) => (i < 0 ? { q: WARMUP_QUERIES[-i % WARMUP_QUERIES.length]!, limit: 40 + (-i % 10) }
    : { q: QUERIES[i % QUERIES.length]!, limit: 1 + Math.floor(i / QUERIES.length) });
  const coldId = (i: number) => (i < 0 ? ids[N - 1 - i]! : ids[i]!);
  const coldPage = (i: number) => (i < 0 ? { id: hubs[-i % hubs.length]!, limit: 100 - (-i % 20) } : { id: hubs[i % hubs.length]!, limit: 1 + Math.floor(i / hubs.length) });
  const hot = (i: number) => Math.abs(i) % 10;

  const operations: { mix: 'cold' | 'hot'; op: Operation }[] = [
    { mix: 'cold', op: { name: 'search', api: (i) => { const s = coldSearch(i); return `/api/search?q=${enc(s.q)}&limit=${s.limit}`; }, driver: (i) => { const s = coldSearch(i); return search(s.q, s.limit); } } },
    { mix: 'cold', op: { name: 'details', api: (i) => `/api/nodes/${enc(coldId(i))}`, driver: (i) => getNode(coldId(i)) } },
    { mix: 'cold', op: { name: 'neighbours', api: (i) => { const p = coldPage(i); return `/api/nodes/${enc(p.id)}/neighbors?limit=${p.limit}`; }, driver: (i) => { const p = coldPage(i); return getNeighbors(p.id, { limit: p.limit, offset: 0 }); } } },
    { mix: 'hot', op: { name: 'search', api: (i) => `/api/search?q=${enc(QUERIES[hot(i)]!)}&limit=10`, driver: (i) => search(QUERIES[hot(i)]!, 10) } },
    { mix: 'hot', op: { name: 'details', api: (i) => `/api/nodes/${enc(hubs[hot(i) % hubs.length]!)}`, driver: (i) => getNode(hubs[hot(i) % hubs.length]!) } },
    { mix: 'hot', op: { name: 'neighbours', api: (i) => `/api/nodes/${enc(hubs[hot(i) % hubs.length]!)}/neighbors?limit=25`, driver: (i) => getNeighbors(hubs[hot(i) % hubs.length]!, { limit: 25, offset: 0 }) } },
  ];

  console.log(`Latency at one client, ${N} sequential calls per cell after ${WARMUP} warm-up calls (database ${env.uri}, ${schema.entities} entities; app ${BASE})\n`);
  console.log('| mix | operation | API median / p95 ms | data layer + driver median / p95 ms | API / driver (median) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { mix, op } of operations) {
    // Driver first: the API's server has its own driver and caches, this process's reads do not warm them.
    const driver = await measure(op.driver);
    const api = await measure((i) => httpJson(op.api(i)));
    console.log(`| ${mix} | ${op.name} | ${fmt(api.median)} / ${fmt(api.p95)} | ${fmt(driver.median)} / ${fmt(driver.p95)} | ${(api.median / driver.median).toFixed(2)} |`);
  }
  await getNeo4j().driver.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
