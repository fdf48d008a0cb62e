import http from 'node:http';
import { loadEnv } from '../lib/env';
import { getNeo4j, readQuery } from '../lib/db/driver';
import { getNeighbors, getNode, search } from '../lib/db/queries';
import { getSchema } from '../lib/db/schema';
import { loadDotenv } from '../lib/load-dotenv';
import { summarize, takingTurns } from './stats';

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
 * A cold cell is then played again, the same addresses taking turns with the data layer as before:
 * now the app answers each from its cache, so that column is the HTTP round trip of the same answers
 * (client, kernel, server and parse) with no read behind it. From it: the app's own share of a cold
 * read (API - data layer - round trip), and the best ratio an app that added nothing to the round
 * trip could show on this machine ((data layer + round trip) / data layer).
 *
 * Requests are sequential: this measures latency, not load. Both processes are warmed first
 * (BENCH_WARM rounds, default 300, on keys no cell uses), as a server that has been running is; the
 * app's read cache must not hold the cold keys yet, so give each run a freshly started app.
 *
 *   npm start            (or any running app on the same database; with the rate limit raised:
 *                         RATE_LIMIT_PER_SECOND=100000 RATE_LIMIT_BURST=100000 node scripts/serve.mjs)
 *   npm run bench:latency   (BENCH_URL, default http://127.0.0.1:3000; BENCH_N, default 240)
 */
const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const N = Number(process.env.BENCH_N ?? 240);
const WARMUP = 20;
const WARM_ROUNDS = Number(process.env.BENCH_WARM ?? 300);
const QUERIES = ['Chongqing', 'chongq', 'Chongqng', 'Чунцин', '重庆', 'Yin Hejun', 'Инь Хэцзюнь', 'kazakhstan', 'belt and road', 'ministry'];
const WARMUP_QUERIES = ['Astana', 'Moscow', 'Tashkent', 'laboratory', 'Пекин'];

interface Operation {
  name: string;
  api: (i: number) => string;
  driver: (i: number) => Promise<unknown>;
}

// One kept-alive connection, as a browser keeps one to the app (fetch's own client costs about a
// millisecond more per request in this process, which is the bench's, not the app's).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GETs `path` and parses the JSON answer, as a client would; anything but 200 stops the run. */
function httpJson(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http.get(`${BASE}${path}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(JSON.parse(text));
        else reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 200)}`));
      });
    }).on('error', reject);
  });
}

type Stats = { median: number; p95: number; mean: number };

/**
 * Both columns of one cell, taking turns call by call (bench/stats.ts), so that whatever else the
 * machine does falls on both alike. Each first makes WARMUP calls of its own, on keys the measured
 * calls never use.
 */
async function measure(op: Operation, replay: boolean): Promise<{ api: Stats; driver: Stats; cached: Stats | null }> {
  for (let i = 0; i < WARMUP; i++) {
    await op.driver(-1 - i);
    await httpJson(op.api(-1 - i));
  }
  const stats = (samples: number[]): Stats => { const s = summarize(samples); return { median: s.median, p95: s.p95, mean: s.mean }; };
  const turns = async () => {
    const [api, driver] = await takingTurns(N, (i) => httpJson(op.api(i)), (i) => op.driver(i));
    if (api.errors + driver.errors > 0) throw new Error(`${op.name}: ${api.errors} API and ${driver.errors} data-layer calls failed`);
    return { api: stats(api.samples), driver: stats(driver.samples) };
  };
  const first = await turns();
  return { ...first, cached: replay ? (await turns()).api : null };
}

/**
 * A server that has been running: WARM_ROUNDS rounds of each operation through the API and the data
 * layer, on keys no cell uses (a search string of this run, an id no entity has, a hub's later
 * pages), so that both processes' code is compiled before anything is timed.
 */
async function warm(hubs: string[]): Promise<void> {
  const run = Math.random().toString(36).slice(2, 8);
  const answered = (path: string) => new Promise<void>((resolve, reject) => {
    http.get(`${BASE}${path}`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
  for (let i = 0; i < WARM_ROUNDS; i++) {
    const q = `warm ${run} ${i}`;
    const id = `warm:${run}:${i}`;
    const hub = hubs[i % hubs.length]!;
    const offset = 1 + i;
    await answered(`/api/search?q=${encodeURIComponent(q)}&limit=10`);
    await search(q, 10);
    await answered(`/api/nodes/${encodeURIComponent(id)}`);
    await getNode(id);
    await answered(`/api/nodes/${encodeURIComponent(hub)}/neighbors?limit=25&offset=${offset}`);
    await getNeighbors(hub, { limit: 25, offset });
  }
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

  console.log(`Latency at one client, ${N} sequential calls per cell, API and data layer taking turns, after ${WARM_ROUNDS} warming rounds and ${WARMUP} warm-up calls per cell (database ${env.uri}, ${schema.entities} entities; app ${BASE})\n`);
  console.log('| mix | operation | API median / p95 ms | data layer + driver median / p95 ms | API / driver (median) | the same answers from the cache (round trip), median ms | app\'s own share: API - data layer - round trip, ms | best ratio with the round trip alone |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  await warm(hubs);
  for (const { mix, op } of operations) {
    const { api, driver, cached } = await measure(op, mix === 'cold');
    const split = cached
      ? `${fmt(cached.median)} | ${(api.median - driver.median - cached.median).toFixed(2)} | ${((driver.median + cached.median) / driver.median).toFixed(2)}`
      : '- | - | -';
    console.log(`| ${mix} | ${op.name} | ${fmt(api.median)} / ${fmt(api.p95)} | ${fmt(driver.median)} / ${fmt(driver.p95)} | ${(api.median / driver.median).toFixed(2)} | ${split} |`);
  }
  await getNeo4j().driver.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
