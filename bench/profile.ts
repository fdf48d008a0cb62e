import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../lib/env';
import { getNeo4j, int, readQuery } from '../lib/db/driver';
import { getNeighbors, getNode, search } from '../lib/db/queries';
import { getSchema } from '../lib/db/schema';
import { captionExpr, idExpr, nodeFilter } from '../lib/graph/schema-model';
import { loadDotenv } from '../lib/load-dotenv';
import { startServer } from './server';

/**
 * Where a first read's time goes in the server. Starts the production server (scripts/serve.mjs)
 * with the read cache off (CACHE_MAX_BYTES=0: every read goes to the database, as a first visit
 * does) under node's CPU profiler, sends BENCH_N (3,000) sequential reads of one kind (BENCH_READ:
 * details, neighbours or search) of entities drawn from the database, stops it, and sorts the
 * profile's busy samples during those reads (after WARM reads of the same kind, not counted) by what
 * they were running:
 *
 *   driver   any frame of neo4j-driver on the stack (Bolt, packstream, the socket writes to Neo4j);
 *   app      else any frame of the app's bundles (routing, validation, the read cache, serialising,
 *            and the data layer's own mapping of records, which a data-layer call pays too);
 *   HTTP     else Node's HTTP server (parsing the request, the headers, the write of the answer);
 *   GC       garbage collection; other: the event loop, promise jobs, the rest.
 *
 * Then the same reads through the data layer in this process (the call bench:latency compares the
 * API with), profiled the same way; here "app" is the data layer's own JavaScript. Per read, in
 * microseconds of CPU. bench:latency says what a read costs end to end; this says which part of the
 * server's share is the app's own: its app row less the data layer's.
 *
 *   npm run build; npm run bench:profile   (the database as for npm start; BENCH_PORT 3190)
 */
const N = Number(process.env.BENCH_N ?? 3000);
const READ = process.env.BENCH_READ ?? 'details';
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const WARM = 300;
/** The profilers' sampling interval. */
const INTERVAL_US = 100;
/** The monotonic clock in microseconds. */
const now = () => Number(process.hrtime.bigint() / 1000n);

interface Frame { functionName: string; url: string }
interface Profile { nodes: { id: number; callFrame: Frame; children?: number[] }[]; startTime: number; samples: number[]; timeDeltas: number[] }

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(pathAndQuery: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: PORT, path: pathAndQuery, agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** Entities to read: ids and captions of up to `count` entities spread over the graph. */
async function entities(count: number): Promise<{ id: string; name: string }[]> {
  const schema = await getSchema();
  const share = Math.min(1, (3 * count) / Math.max(1, schema.entities));
  const rows = await readQuery<{ id: unknown; name: unknown }>(
    `MATCH (n) WHERE ${nodeFilter(schema, 'n')} AND rand() < $share RETURN ${idExpr(schema, 'n')} AS id, ${captionExpr(schema, 'n')} AS name LIMIT $limit`,
    { share, limit: int(count) });
  return rows.filter((r) => r.id !== null).map((r) => ({ id: String(r.id), name: String(r.name ?? r.id) }));
}

/** The read as an address of the API and as the data-layer call behind it. */
function reads(picked: { id: string; name: string }[]): { address: (i: number) => string; call: (i: number) => Promise<unknown> } {
  const at = (i: number) => picked[i % picked.length]!;
  const enc = encodeURIComponent;
  const term = (i: number) => [...at(i).name].slice(0, 5).join('');
  if (READ === 'details') return { address: (i) => `/api/nodes/${enc(at(i).id)}`, call: (i) => getNode(at(i).id) };
  if (READ === 'neighbours') {
    return { address: (i) => `/api/nodes/${enc(at(i).id)}/neighbors?limit=25`, call: (i) => getNeighbors(at(i).id, { limit: 25, offset: 0 }) };
  }
  if (READ === 'search') return { address: (i) => `/api/search?q=${enc(term(i))}&limit=10`, call: (i) => search(term(i), 10) };
  throw new Error(`BENCH_READ must be details, neighbours or search, not "${READ}".`);
}

/**
 * The profile's busy time per category within [from, to] (microseconds of the monotonic clock, which
 * V8's sample times and process.hrtime share on Linux).
 */
function split(profile: Profile, from = -Infinity, to = Infinity): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time < from || time > to) return;
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
    const leaf = stack[0]!.functionName;
    if (leaf === '(idle)') return;
    const category = stack.some((f) => f.url.includes('neo4j-driver')) ? 'driver'
      : leaf === '(garbage collector)' ? 'GC'
        : stack.some((f) => /\/server\/(chunks|app)\/|\[turbopack\]|\/lib\/.*\.ts$/.test(f.url)) ? 'app'
          : stack.some((f) => /^node:(_http_|net)/.test(f.url) || f.url.endsWith('serve.mjs')) ? 'HTTP' : 'other';
    totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return totals;
}

/** The same reads through the data layer in this process, under the inspector's profiler. */
async function dataLayerProfile(call: (i: number) => Promise<unknown>): Promise<Map<string, number>> {
  for (let i = 0; i < WARM; i++) await call(N + i);
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await session.post('Profiler.start');
    for (let i = 0; i < N; i++) await call(i);
    const { profile } = await session.post('Profiler.stop');
    return split(profile as unknown as Profile);
  } finally {
    session.disconnect();
  }
}

async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const picked = await entities(Math.min(N, 5000));
  if (picked.length === 0) throw new Error('The database has no entities to read.');
  const { address, call } = reads(picked);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'graph-explorer-profile-'));
  let app: ChildProcess | null = await startServer(PORT, { ...process.env, CACHE_MAX_BYTES: '0' },
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${INTERVAL_US}`]);
  try {
    for (let i = 0; i < WARM; i++) await get(address(N + i));
    const statuses = new Map<number, number>();
    const from = now();
    for (let i = 0; i < N; i++) {
      const status = await get(address(i));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const to = now();
    await new Promise<void>((resolve) => {
      app!.once('exit', () => resolve());
      app!.kill('SIGINT');
    });
    app = null;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('The server wrote no profile.');
    const server = split(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile, from, to);
    const local = await dataLayerProfile(call);
    const us = (totals: Map<string, number>, part: string) => (totals.get(part) ?? 0) / N;
    const busy = (totals: Map<string, number>) => [...totals.values()].reduce((a, b) => a + b, 0) / N;
    console.log(`CPU per ${READ} read in microseconds: ${N} sequential reads of ${picked.length} entities after ${WARM} unmeasured ones; `
      + `the server with the read cache off (answers ${[...statuses].map(([s, n]) => `${n} x ${s}`).join(', ')}) and the data layer in this process; database ${env.uri}\n`);
    console.log('| part | server (scripts/serve.mjs) | data layer + driver in this process |');
    console.log('| --- | ---: | ---: |');
    for (const part of ['driver', 'app', 'HTTP', 'GC', 'other']) console.log(`| ${part} | ${us(server, part).toFixed(0)} | ${us(local, part).toFixed(0)} |`);
    console.log(`| **busy in all** | **${busy(server).toFixed(0)}** | **${busy(local).toFixed(0)}** |`);
    console.log(`\nThe app's own JavaScript beyond the data layer's: ${(us(server, 'app') - us(local, 'app')).toFixed(0)} microseconds a read; `
      + `the server's CPU beyond the data-layer call's: ${(busy(server) - busy(local)).toFixed(0)}.`);
  } finally {
    app?.kill('SIGINT');
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
    await getNeo4j().driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
