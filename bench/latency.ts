import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
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
 * A cold cell is then played twice more, the same addresses taking turns with the data layer as
 * before: first the app answers each from its cache (its round trip of the same answers, no read
 * behind it), then a bare node:http server in a process of its own sends back the very bytes and
 * headers the app sent (bench/bare-server.mjs): the machine's round trip (client, kernel, a server
 * process, parse), the floor no HTTP server could beat here. From it: what the app adds to a cold
 * read (API - data layer - bare round trip), and the best ratio an app that added nothing could show
 * on this machine ((data layer + bare round trip) / data layer).
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

/** An answer as it came: its headers (less those a server sets per connection) and its bytes. */
type Recorded = [address: string, headers: Record<string, string>, base64: string];
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * GETs `address` from `base` and parses the JSON answer, as a client would; anything but 200 stops
 * the run. With `record`, the answer's headers and bytes are kept for the bare server.
 */
function httpJson(address: string, base = BASE, record?: Recorded[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${address}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        if (res.statusCode !== 200) {
          reject(new Error(`${address}: ${res.statusCode} ${text.slice(0, 200)}`));
          return;
        }
        if (record) {
          const headers = Object.fromEntries(Object.entries(res.headers)
            .filter(([name]) => !PER_CONNECTION.has(name))
            .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
          record.push([address, headers, bytes.toString('base64')]);
        }
        resolve(JSON.parse(text));
      });
    }).on('error', reject);
  });
}

/**
 * The machine's floor (bench/bare-server.mjs): a node:http server in a process of its own that sends
 * back the recorded answers and does nothing else. Resolves with its base URL and a way to load answers.
 */
async function bareServer(): Promise<{ base: string; load: (answers: Recorded[]) => Promise<void>; stop: () => void }> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<Record<string, number>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, number>));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const { port } = await next();
  return {
    base: `http://127.0.0.1:${port}`,
    load: async (answers) => {
      const ready = next();
      child.send({ answers });
      await ready;
    },
    stop: () => child.disconnect(),
  };
}

type Stats = { median: number; p95: number; mean: number };
type Bare = Awaited<ReturnType<typeof bareServer>>;

/**
 * Both columns of one cell, taking turns call by call (bench/stats.ts), so that whatever else the
 * machine does falls on both alike. Each first makes WARMUP calls of its own, on keys the measured
 * calls never use. With `bare`, the cell is played twice more, taking turns with the data layer as
 * before: from the app's cache (the app's round trip of the same answers) and from the bare server
 * (the machine's round trip of the same bytes).
 */
async function measure(op: Operation, bare: Bare | null): Promise<{ api: Stats; driver: Stats; replays: { cached: Stats; floor: Stats } | null }> {
  for (let i = 0; i < WARMUP; i++) {
    await op.driver(-1 - i);
    await httpJson(op.api(-1 - i));
  }
  const stats = (samples: number[]): Stats => { const s = summarize(samples); return { median: s.median, p95: s.p95, mean: s.mean }; };
  const turns = async (api: (i: number) => Promise<unknown>) => {
    const [app, driver] = await takingTurns(N, api, (i) => op.driver(i));
    if (app.errors + driver.errors > 0) throw new Error(`${op.name}: ${app.errors} API and ${driver.errors} data-layer calls failed`);
    return { api: stats(app.samples), driver: stats(driver.samples) };
  };
  const recorded: Recorded[] = [];
  const first = await turns((i) => httpJson(op.api(i), BASE, bare ? recorded : undefined));
  if (!bare) return { ...first, replays: null };
  const cached = (await turns((i) => httpJson(op.api(i)))).api;
  await bare.load(recorded);
  for (let i = 0; i < 10 * WARMUP; i++) await httpJson(op.api(i % N), bare.base);
  const floor = (await turns((i) => httpJson(op.api(i), bare.base))).api;
  return { ...first, replays: { cached, floor } };
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
  console.log('| mix | operation | API median / p95 ms | data layer + driver median / p95 ms | API / driver (median) | round trip of the same answers: from the app\'s cache / from a bare node:http server, median ms | what the app adds: API - data layer - bare round trip, ms | best ratio on this machine: (data layer + bare round trip) / data layer |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  await warm(hubs);
  const bare = await bareServer();
  try {
    for (const { mix, op } of operations) {
      const { api, driver, replays } = await measure(op, mix === 'cold' ? bare : null);
      const floor = replays?.floor.median ?? 0;
      const split = replays
        ? `${fmt(replays.cached.median)} / ${fmt(floor)} | ${(api.median - driver.median - floor).toFixed(2)} | ${((driver.median + floor) / driver.median).toFixed(2)}`
        : '- | - | -';
      console.log(`| ${mix} | ${op.name} | ${fmt(api.median)} / ${fmt(api.p95)} | ${fmt(driver.median)} / ${fmt(driver.p95)} | ${(api.median / driver.median).toFixed(2)} | ${split} |`);
    }
  } finally {
    bare.stop();
  }
  await getNeo4j().driver.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
