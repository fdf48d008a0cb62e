import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { EMPTY_STATE, serializeExplorerState } from '../lib/url-state';
import { startServer } from './server';
import { percentile } from './stats';

/**
 * Load on the HTTP API of a production build, closed loop: C clients, each sending its next request
 * as soon as the previous one is answered, for D seconds, over a mix of API calls (search in three
 * scripts, details, neighbour pages, subgraphs, paths, health), twice:
 *  - hot: about 100 addresses in rotation after a warm-up, so nearly every answer comes from the
 *    read cache (what a popular link costs);
 *  - cold: every request new (new search strings and limits, neighbour page sizes, subgraph sets,
 *    path pairs and lengths over the seed's entities), so every answer is computed by the data
 *    layer and the database (what exploring costs).
 * Prints req/s, p50/p95/p99/max and errors (any status other than 200/304/404, and network errors)
 * for each mix and concurrency side by side.
 *
 *   npm run build && npm run bench:load                 8 and 64 clients x 60 s (BENCH_CONCURRENCY=8,64 BENCH_DURATION_S=60)
 *   WEB_CONCURRENCY=2 npm run bench:load                the same with two app processes on the port (scripts/serve.mjs)
 *   npm run bench:load -- previews                      16 concurrent previews of new 200-entity views,
 *                                                       and /api/health + search latency meanwhile
 *
 * Without BENCH_URL it starts the app itself (scripts/serve.mjs on BENCH_PORT, default 3210, on the
 * database the environment names) with the rate limit off, since every request comes from one
 * address; BENCH_URL=http://host:port measures a running app instead (BENCH_APP_PID: its process,
 * for the CPU column). Loopback only, bounded loops.
 *
 * "App CPU ms/req" is the app processes' CPU time (user + system, from /proc) divided by the requests
 * it answered: unlike latency, it hardly depends on what else the machine is doing.
 */

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE = process.env.BENCH_URL ?? `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '8,64').split(',').map(Number);
const OK = new Set([200, 304, 404]);

const QUERIES = ['Chongqing', 'chongq', 'Chongqng', 'Чунцин', '重庆', 'Yin Hejun', 'Инь Хэцзюнь', 'kazakhstan', 'belt and road', 'ministry', 'laboratory', 'science'];
const IDS = ['event:brst-2023', 'initiative:bri', 'org:most', 'country:KAZ', 'person:yin-hejun', 'place:chongqing', 'country:CHN', 'country:RUS'];

/** The mix: weight and a request path for the i-th call. */
const MIX: [number, (i: number) => string][] = [
  [35, (i) => `/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}&limit=10`],
  [20, (i) => `/api/nodes/${encodeURIComponent(IDS[i % IDS.length]!)}`],
  [25, (i) => `/api/nodes/${encodeURIComponent(IDS[i % IDS.length]!)}/neighbors?limit=25&offset=${(i % 3) * 25}`],
  [10, (i) => `/api/subgraph?ids=${IDS.slice(0, 2 + (i % (IDS.length - 1))).map(encodeURIComponent).join(',')}`],
  [5, (i) => `/api/paths?from=${encodeURIComponent(IDS[i % IDS.length]!)}&to=${encodeURIComponent(IDS[(i + 3) % IDS.length]!)}`],
  [5, () => '/api/health'],
];
const WEIGHT = MIX.reduce((sum, [w]) => sum + w, 0);

function pick(i: number): string {
  let r = (i * 7919) % WEIGHT;
  for (const [w, path] of MIX) {
    if (r < w) return path(i);
    r -= w;
  }
  return '/api/health';
}

/** Ids and names (three languages) of the seed's entities, read from its data files. */
function seedCatalogue(): { ids: string[]; names: string[] } {
  const dir = path.join(process.cwd(), 'graph-seed', 'data');
  const nodes = readdirSync(dir).filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes?: { id: string; names: Record<string, string> }[] }).nodes ?? []);
  return { ids: nodes.map((n) => n.id), names: [...new Set(nodes.flatMap((n) => Object.values(n.names)))] };
}

/**
 * The cold mix: the same kinds of call in the same proportions as the hot one, each address new
 * (never sent before in this run). Details run out first (one per entity); the other kinds take
 * their turn then.
 */
function coldMix(): () => string {
  const { ids, names } = seedCatalogue();
  const enc = encodeURIComponent;
  const at = (list: string[], k: number) => list[((k % list.length) + list.length) % list.length]!;
  const kinds: [number, (k: number) => string][] = [
    [35, (k) => `/api/search?q=${enc(at(names, k))}&limit=${1 + (Math.floor(k / names.length) % 50)}`],
    [20, (k) => `/api/nodes/${enc(at(ids, k))}`],
    [25, (k) => `/api/nodes/${enc(at(ids, k))}/neighbors?limit=${5 + (Math.floor(k / ids.length) % 95)}&offset=0`],
    [10, (k) => `/api/subgraph?ids=${Array.from({ length: 3 + (k % 6) }, (_, j) => enc(at(ids, k * 7 + j * 131))).join(',')}`],
    [5, (k) => `/api/paths?from=${enc(at(ids, k))}&to=${enc(at(ids, k * 31 + 17))}&maxHops=${2 + (Math.floor(k / ids.length) % 3)}`],
    [5, () => '/api/health'],
  ];
  const seen = new Set<string>();
  const next = kinds.map(() => 0);
  const weight = kinds.reduce((sum, [w]) => sum + w, 0);
  let n = 0;
  return () => {
    for (let tries = 0; tries < 1000; tries++) {
      let r = (n++ * 7919) % weight;
      let kind = 0;
      while (r >= kinds[kind]![0]) r -= kinds[kind++]![0];
      const address = kinds[kind]![1](next[kind]!++);
      if (address === '/api/health' || !seen.has(address)) {
        seen.add(address);
        return address;
      }
    }
    return '/api/health';
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(path: string): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${BASE}${path}`, { agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start }));
  });
}

interface Result { requests: number; errors: number; statuses: Map<number, number>; latencies: number[]; seconds: number }

async function load(clients: number, seconds: number, nextPath: (i: number) => string = pick): Promise<Result> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let counter = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const { status, ms } = await get(nextPath(counter++));
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!OK.has(status)) errors += 1;
    }
  }));
  return { requests: latencies.length, errors, statuses, latencies, seconds: (performance.now() - started) / 1000 };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function describe(result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    'req/s': Math.round(result.requests / result.seconds),
    p50: r1(percentile(sorted, 50)), p95: r1(percentile(sorted, 95)), p99: r1(percentile(sorted, 99)), max: r1(sorted[sorted.length - 1] ?? 0),
    errors: result.errors,
    statuses: [...result.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', '),
  };
}

/** Child processes of a process (the app processes of WEB_CONCURRENCY > 1), from /proc; [] when unreadable. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** CPU time (ms) a process and its live children have used so far, or NaN when it cannot be read. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    return own + childPids(pid).reduce((sum, child) => sum + cpuMs(child), 0);
  } catch {
    return Number.NaN;
  }
}

async function mixed(appPid: number | undefined): Promise<void> {
  // Warm-up: every distinct hot request once, so every hot run sees the same (warm) caches.
  for (let i = 0; i < 200; i++) await get(pick(i));
  const cold = coldMix();
  const rows: string[] = [];
  for (const clients of CONCURRENCY) {
    for (const [mix, nextPath] of [['hot', pick], ['cold', () => cold()]] as const) {
      const cpuBefore = cpuMs(appPid);
      const result = await load(clients, DURATION_S, nextPath);
      const cpu = (cpuMs(appPid) - cpuBefore) / result.requests;
      const d = describe(result);
      rows.push(`| ${mix} | ${clients} clients x ${DURATION_S} s | ${d['req/s']} | ${d.p50} | ${d.p95} | ${d.p99} | ${d.max} | ${d.errors} | ${Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(2)} | ${d.statuses} |`);
      console.error(`  ${mix}, ${clients} clients done`);
    }
  }
  console.log(`\nMixed API load on ${BASE} (latency in ms; hot: about 100 addresses, cached; cold: every request new)\n`);
  console.log('| mix | run | req/s | p50 | p95 | p99 | max | errors | app CPU ms/req | statuses |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
}

/** 16 previews of different new 200-entity views at once, with health and search probed meanwhile. */
async function previews(): Promise<void> {
  const hub = 'initiative:bri';
  const page = await fetch(`${BASE}/api/nodes/${hub}/neighbors?limit=200`).then((r) => r.json()) as { nodes: { id: string }[] };
  const around = page.nodes.map((n) => n.id).filter((id) => id !== hub).sort();
  const salt = Date.now() % 97; // different views on every run: "new" means not cached anywhere
  const views = Array.from({ length: 16 }, (_, k) => {
    const cut = 20 + ((salt + k * 11) % (around.length - 40));
    const state = { ...EMPTY_STATE, batches: [[hub], around.slice(0, cut), around.slice(cut)], expanded: { [hub]: 1 }, selected: { kind: 'node' as const, id: hub } };
    return `/api/preview?${serializeExplorerState(state)}`;
  });
  const probes: { health: number[]; search: number[]; statuses: Map<number, number> } = { health: [], search: [], statuses: new Map() };
  let rendering = true;
  const probe = (async () => {
    for (let i = 0; rendering && i < 10_000; i++) {
      const health = await get('/api/health');
      probes.health.push(health.ms);
      const search = await get(`/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}-${i}&limit=10`);
      probes.search.push(search.ms);
      for (const s of [health.status, search.status]) probes.statuses.set(s, (probes.statuses.get(s) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const results = await Promise.all(views.map((path) => get(path)));
  const wall = performance.now() - started;
  rendering = false;
  await probe;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const byStatus = new Map<number, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const h = [...probes.health].sort((a, b) => a - b);
  const s = [...probes.search].sort((a, b) => a - b);
  console.log(`\n16 concurrent previews of new views (${around.length + 1} entities each) on ${BASE}, ms\n`);
  console.log('| what | n | p50 | p95 | max | statuses |\n| --- | --- | --- | --- | --- | --- |');
  console.log(`| preview (all 16 sent at once; wall ${Math.round(wall)} ms) | 16 | ${r1(percentile(times, 50))} | ${r1(percentile(times, 95))} | ${r1(times[15]!)} | ${[...byStatus].map(([k, v]) => `${k}: ${v}`).join(', ')} |`);
  console.log(`| /api/health meanwhile | ${h.length} | ${r1(percentile(h, 50))} | ${r1(percentile(h, 95))} | ${r1(h[h.length - 1] ?? 0)} | |`);
  console.log(`| /api/search (uncached) meanwhile | ${s.length} | ${r1(percentile(s, 50))} | ${r1(percentile(s, 95))} | ${r1(s[s.length - 1] ?? 0)} | ${[...probes.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')} |`);
}

function startApp(): Promise<ChildProcess | null> {
  return process.env.BENCH_URL ? Promise.resolve(null) : startServer(PORT);
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    if (process.argv.includes('previews')) await previews();
    else await mixed(app?.pid ?? (Number(process.env.BENCH_APP_PID) || undefined));
  } finally {
    agent.destroy();
    if (app) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app.once('exit', resolve));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
