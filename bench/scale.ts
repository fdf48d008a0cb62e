import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import { loadEnv, type Env } from '../lib/env';
import { getNeighbors, getNode, getSubgraph, search } from '../lib/db/queries';
import { findPaths } from '../lib/db/paths';
import { DEFAULT_PATH_OPTIONS } from '../lib/graph/paths';
import { forgetSchema, getSchema } from '../lib/db/schema';
import { searchIndexPlan } from '../lib/graph/schema-index';
import type { GraphSchema } from '../lib/graph/schema-model';
import { createDriver } from '../lib/db/create-driver';
import { getNeo4j } from '../lib/db/driver';
import { mulberry32 } from '../lib/layout/seeded-random';
import { ensureLauncherBuilt, startLocalNeo4j, stopLocalNeo4j } from '../neo4j/control';
import { STAMP_VERSION } from '../graph-seed/load';
import { startServer } from './server';
import { percentile, takingTurns } from './stats';

/**
 * A million entities: generates a graph of SCALE_NODES entities (default 1,000,000) and SCALE_RELS
 * relationships (5,000,000) with a power-law degree distribution (two hubs of 110,000 and one of
 * about 125,000 relationships), names in Latin, Cyrillic and Chinese script, imports it with Neo4j's
 * own bulk importer into a scratch local Neo4j (its own port and folder), then measures search,
 * details, neighbour pages, a 200-entity subgraph and the shortest path at 1, 8 and 32 concurrent
 * clients, and three ranked paths (k=3) at 1 and 8,
 * through the HTTP API of the production server (scripts/serve.mjs; once without the read cache,
 * once with it) and through the data layer + driver in the same run, and writes the table into
 * bench/results.md.
 *
 *   npm run bench:scale      (SCALE_PORT 7735, SCALE_APP_PORT 3135 and the next port, SCALE_DIR .data/neo4j-scale, SCALE_WARM 150,
 *                             SCALE_CALLS_1 200, SCALE_HEAP_MB 3072, SCALE_PAGECACHE_MB 3072; SCALE_REBUILD=1 regenerates)
 *
 * The generated store is kept (SCALE_DIR) and reused by the next run with the same sizes.
 */
const NODES = Number(process.env.SCALE_NODES ?? 1_000_000);
const RELS = Number(process.env.SCALE_RELS ?? 5_000_000);
const PORT = process.env.SCALE_PORT ?? '7735';
const APP_PORT = process.env.SCALE_APP_PORT ?? '3135';
const DIR = process.env.SCALE_DIR ?? '.data/neo4j-scale';
const CONCURRENCY = [1, 8, 32];
/** Calls per cell at one client (SCALE_CALLS_1): enough for a steady median, the figure the 1.3x target is about. */
const CALLS_AT_ONE = Number(process.env.SCALE_CALLS_1 ?? 200);
/** Warming calls of each cheap operation before the cells (SCALE_WARM). */
const WARM_ROUNDS = Number(process.env.SCALE_WARM ?? 150);
/** Random entities drawn for the run; each cell takes its own CELL_SPAN of them, so no cell repeats another's reads. */
const ID_POOL = 30_000;
const CELL_SPAN = 1_000;
const KINDS = ['Person', 'Organization', 'Place', 'Topic'] as const;
const TYPES = ['KNOWS', 'WORKS_WITH', 'CITES'] as const;
const HUB_TYPE = 'MENTIONS';

const LATIN = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'sa', 'vi', 'den', 'mar', 'lin', 'gor', 'tal', 'bri', 'zen', 'kor'];
const CYRILLIC = ['ка', 'ло', 'ми', 'ра', 'не', 'то', 'са', 'ви', 'ден', 'мар', 'лин', 'гор', 'тал', 'бри', 'зен', 'кор'];
const HAN = '安北成大东方高国海和华建江京开科兰理林龙明南平青庆山上深天文西新信阳永中州'.split('');

/** Entity i's kind, key and name; the script cycles Latin, Cyrillic, Chinese. */
export function entity(i: number): { kind: (typeof KINDS)[number]; key: string; name: string } {
  const kind = KINDS[i % KINDS.length]!;
  const key = `${kind.charAt(0)}${i}`;
  const digits = [i % 16, (i >> 4) % 16, (i >> 8) % 16, (i >> 12) % 16];
  const script = i % 3;
  const word = (parts: string[], from: number) => digits.slice(from, from + 2).map((d) => parts[d]).join('');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const name = script === 0 ? `${cap(word(LATIN, 0))} ${cap(word(LATIN, 2))} ${i}`
    : script === 1 ? `${cap(word(CYRILLIC, 0))} ${cap(word(CYRILLIC, 2))} ${i}`
      : `${digits.map((d, k) => HAN[(d * 3 + k * 7) % HAN.length]).join('')}${i}`;
  return { kind, key, name };
}

const csv = (value: string) => `"${value.replace(/"/g, '""')}"`;

async function writeLines(file: string, header: string, count: number, line: (i: number) => string, label: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
    if ((i + 1) % 1_000_000 === 0) console.log(`  ${label}: ${(i + 1).toLocaleString('en-US')}`);
  }
  out.end();
  await once(out, 'finish');
}

/** The CSV files for neo4j-admin import: nodes with their label, relationships from a power law. */
async function writeCsv(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  await writeLines(path.join(folder, 'nodes.csv'), 'key:ID,name,:LABEL', NODES, (i) => {
    const e = entity(i);
    return `${e.key},${csv(e.name)},${e.kind}`;
  }, 'entities');
  const next = mulberry32(42);
  const hubShare = Math.min(0.022, 110_000 / RELS);
  await writeLines(path.join(folder, 'relationships.csv'), ':START_ID,:END_ID,:TYPE', RELS, () => {
    const source = Math.floor(next() * NODES);
    const pick = next();
    // Two named hubs, then targets drawn as floor(N * u^4): P(target < k) = (k/N)^(1/4), a power law.
    let target = pick < hubShare ? 1 : pick < 2 * hubShare ? 2 : Math.floor(NODES * next() ** 4);
    const type = pick < 2 * hubShare ? HUB_TYPE : TYPES[Math.floor(next() * TYPES.length)]!;
    if (target === source) target = (target + 3) % NODES;
    return `${entity(source).key},${entity(target).key},${type}`;
  }, 'relationships');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const tail: string[] = [];
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        // The importer draws dots; keep its stage lines as progress.
        if (/^(Import starting|Nodes|Prepare node index|Relationship|Node Degrees|Post processing|IMPORT DONE|Imported|\s+\d+ (nodes|relationships))/.test(line)) console.log(`  ${line.trim()}`);
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}:\n${tail.join('\n')}`))));
  });
}

/** neo4j-admin database import full, run from the same Maven-resolved Neo4j 5.26 the launcher uses. */
async function bulkImport(home: string, folder: string): Promise<void> {
  await ensureLauncherBuilt(console.log);
  const classpath = readFileSync(path.resolve('neo4j', 'target', 'classpath.txt'), 'utf8').trim();
  rmSync(home, { recursive: true, force: true });
  mkdirSync(path.join(home, 'conf'), { recursive: true });
  await run('java', [
    '-Xmx2g', '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp', classpath, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', 'neo4j',
    `--nodes=${path.join(folder, 'nodes.csv')}`, `--relationships=${path.join(folder, 'relationships.csv')}`,
    `--report-file=${path.join(folder, 'import.report')}`,
  ], { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') });
}

const SCHEMA = [
  ...KINDS.map((k) => `CREATE CONSTRAINT ${k.toLowerCase()}_key IF NOT EXISTS FOR (n:${k}) REQUIRE n.key IS UNIQUE`),
];

/** Discovery right after a bulk import may meet a cold database: a few tries before giving up. */
async function discoverPatiently(): Promise<GraphSchema> {
  for (let attempt = 1; ; attempt++) {
    forgetSchema();
    try {
      return await getSchema();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * This generator is a load like the seed loader's, so it stamps a new dataset version the same way:
 * the app's read cache then keeps answers until the next load, as it does for the seed (a database
 * without a stamp has its answers reused for CACHE_UNSTAMPED_TTL_MS only).
 */
async function stampVersion(env: Env): Promise<void> {
  const driver = createDriver(env);
  try {
    await driver.executeQuery(STAMP_VERSION, { dataset: 'bench-scale' }, { database: env.NEO4J_DATABASE });
  } finally {
    await driver.close();
  }
}

/** Seconds since `from`, for the progress lines. */
const since = (from: number) => Math.round((Date.now() - from) / 1000);

/**
 * Generates and imports the graph unless an earlier run did (same sizes), then makes sure the key
 * constraints and the search indexes exist (IF NOT EXISTS: a rerun resumes where one stopped).
 */
async function prepare(env: Env): Promise<string> {
  const home = path.resolve(DIR);
  const marker = `${home}.generated.json`;
  const wanted = JSON.stringify({ nodes: NODES, relationships: RELS, version: 1 });
  const timings: string[] = [];
  if (process.env.SCALE_REBUILD || !existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    await stopLocalNeo4j(env, () => undefined);
    rmSync(`${home}.generation.txt`, { force: true });
    const folder = `${home}-csv`;
    let started = Date.now();
    console.log(`Writing CSV for ${NODES.toLocaleString('en-US')} entities and ${RELS.toLocaleString('en-US')} relationships...`);
    await writeCsv(folder);
    timings.push(`CSV ${since(started)} s`);
    console.log(`CSV written in ${since(started)} s; importing with neo4j-admin import...`);
    started = Date.now();
    await bulkImport(home, folder);
    timings.push(`bulk import ${since(started)} s`);
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(marker, wanted);
    writeFileSync(`${home}.import.txt`, timings.join(', '));
  } else if (existsSync(`${home}.import.txt`)) {
    timings.push(readFileSync(`${home}.import.txt`, 'utf8'));
  }
  await startLocalNeo4j(env);
  await stampVersion(env);
  if (existsSync(`${home}.generation.txt`)) return `${readFileSync(`${home}.generation.txt`, 'utf8')} (store reused)`;
  const driver = createDriver(env);
  try {
    let started = Date.now();
    for (const statement of SCHEMA) await driver.executeQuery(statement, {}, { database: env.NEO4J_DATABASE });
    await driver.executeQuery('CALL db.awaitIndexes(3600)', {}, { database: env.NEO4J_DATABASE });
    timings.push(`key constraints ${since(started)} s`);
    console.log(`Key constraints online in ${since(started)} s; creating the search indexes (what npm run db:index does)...`);
    started = Date.now();
    const plan = searchIndexPlan(await discoverPatiently());
    for (const statement of plan?.statements ?? []) await driver.executeQuery(statement, {}, { database: env.NEO4J_DATABASE });
    await driver.executeQuery('CALL db.awaitIndexes(3600)', {}, { database: env.NEO4J_DATABASE });
    timings.push(`full-text indexes ${since(started)} s`);
    console.log(`Full-text indexes online in ${since(started)} s.`);
  } finally {
    await driver.close();
  }
  const generation = timings.join(', ');
  writeFileSync(`${home}.generation.txt`, generation);
  await discoverPatiently();
  return generation;
}

/** The production server on the scratch database, built first if needed. */
async function startApp(env: Env, port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const appEnv = { ...process.env, NEO4J_URI: env.uri, NEXT_DIST_DIR: '.next-scale', ...extra };
  if (!existsSync(path.resolve('.next-scale', 'BUILD_ID')) || process.env.SCALE_BUILD) {
    console.log('Building the app (next build, .next-scale)...');
    await run(path.resolve('node_modules', '.bin', 'next'), ['build'], appEnv);
  }
  return startServer(port, appEnv);
}

interface Operation {
  name: string;
  http: (i: number) => string;
  driver: (i: number) => Promise<unknown>;
  /** Concurrent clients measured (default CONCURRENCY). */
  clients?: number[];
}

function operations(): Operation[] {
  const pickRandom = mulberry32(7);
  const ids = Array.from({ length: ID_POOL }, () => {
    const e = entity(Math.floor(pickRandom() * NODES));
    return `${e.kind}:${e.key}`;
  });
  const names = ids.map((id) => entity(Number(id.split(':')[1]!.slice(1))).name);
  // Prefixes of real names in all three scripts, as a person types them.
  const terms = names.map((n) => n.split(' ')[0]!.slice(0, Math.max(3, Math.min(6, n.length - 2))));
  const hub = `${entity(1).kind}:${entity(1).key}`;
  const popular = Array.from({ length: 199 }, (_, k) => `${entity(k + 3).kind}:${entity(k + 3).key}`);
  const at = <T>(list: T[], i: number) => list[i % list.length]!;
  const enc = encodeURIComponent;
  return [
    { name: 'search (prefix, 3 scripts)', http: (i) => `/api/search?q=${enc(at(terms, i))}&limit=10`, driver: (i) => search(at(terms, i), 10) },
    { name: 'details (random entity)', http: (i) => `/api/nodes/${enc(at(ids, i))}`, driver: (i) => getNode(at(ids, i)) },
    { name: 'details (largest hub)', http: () => `/api/nodes/${enc(hub)}`, driver: () => getNode(hub) },
    { name: 'neighbours, first page (random)', http: (i) => `/api/nodes/${enc(at(ids, i))}/neighbors?limit=25`, driver: (i) => getNeighbors(at(ids, i), { limit: 25, offset: 0 }) },
    { name: 'neighbours, hub first page', http: () => `/api/nodes/${enc(hub)}/neighbors?limit=25`, driver: () => getNeighbors(hub, { limit: 25, offset: 0 }) },
    { name: 'neighbours, hub page at 60,000', http: (i) => `/api/nodes/${enc(hub)}/neighbors?limit=25&offset=${60_000 + (i % 40) * 25}`, driver: (i) => getNeighbors(hub, { limit: 25, offset: 60_000 + (i % 40) * 25 }) },
    { name: 'subgraph of 200 (hub + 199 popular)', http: () => `/api/subgraph?ids=${[hub, ...popular].map(enc).join(',')}`, driver: () => getSubgraph([hub, ...popular]) },
    { name: 'path (random pair, <= 6 hops)', http: (i) => `/api/paths?from=${enc(at(ids, i))}&to=${enc(at(ids, i + 200))}&k=1`,
      driver: (i) => findPaths(at(ids, i), at(ids, i + 200), { ...DEFAULT_PATH_OPTIONS, k: 1 }, 'en') },
    { name: 'ranked paths, k=3 (random pair, <= 6 hops)', http: (i) => `/api/paths?from=${enc(at(ids, i))}&to=${enc(at(ids, i + 200))}&k=3`,
      driver: (i) => findPaths(at(ids, i), at(ids, i + 200), { ...DEFAULT_PATH_OPTIONS, k: 3 }, 'en'), clients: [1, 8] },
  ];
}

interface Cell { p50: number; p95: number; errors: number; n: number }

/** `clients` loops issuing `total` calls in all; latency per call, errors counted (a timeout is an error). */
async function load(clients: number, total: number, call: (i: number) => Promise<unknown>): Promise<Cell> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      try {
        await call(i);
      } catch {
        errors++;
      }
      samples.push(performance.now() - start);
    }
  }));
  return toCell({ samples, errors });
}

const turns = ([a, b]: Awaited<ReturnType<typeof takingTurns>>): [Cell, Cell] => [toCell(a), toCell(b)];

function toCell({ samples, errors }: { samples: number[]; errors: number }): Cell {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), errors, n: sorted.length };
}

// node:http with kept-alive connections, as bench:load uses: fetch's own cost per call (web
// streams) was a visible share of the cached answers' latency, which is the client, not the app.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function httpCall(port: number, pathAndQuery: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathAndQuery, agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(String(response.statusCode)))));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const cellText = (c: Cell) => `${c.p50} / ${c.p95}${c.errors > 0 ? ` (${c.errors} err)` : ''}`;

async function main(): Promise<void> {
  const env = loadEnv({
    ...process.env, NEO4J_URI: `bolt://127.0.0.1:${PORT}`, NEO4J_LOCAL_PORT: PORT, NEO4J_LOCAL_DIR: DIR,
    NEO4J_LOCAL_HEAP_MB: process.env.SCALE_HEAP_MB ?? '3072', NEO4J_LOCAL_PAGECACHE_MB: process.env.SCALE_PAGECACHE_MB ?? '3072',
    // Index population outlasts the default 30 s server timeout; reads still carry their own (10 s).
    NEO4J_LOCAL_TX_TIMEOUT_S: '3600',
  });
  // The app and this process's driver read the scratch database's generated password from its folder.
  Object.assign(process.env, { NEO4J_URI: env.uri, NEO4J_LOCAL_DIR: DIR, NEO4J_LOCAL_PORT: PORT });
  process.env.NEO4J_QUERY_TIMEOUT_MS ??= '10000';
  const generation = await prepare(env);
  const schema = await discoverPatiently();
  console.log(`Graph: ${schema.entities.toLocaleString('en-US')} entities, ${schema.relationships.toLocaleString('en-US')} relationships. ${generation}`);
  // Two instances of the same build: one without the read cache (every answer from the database,
  // the cost of a first visit), one with it (the same requests again, as the cache serves them).
  const coldPort = Number(APP_PORT);
  const hotPort = coldPort + 1;
  const apps = [await startApp(env, coldPort, { CACHE_MAX_BYTES: '0' }), await startApp(env, hotPort, {})];
  const lines: string[] = [];
  try {
    const ops = operations();
    // Warm both paths (plans, page cache, both processes' compiled code) on entities the cells do
    // not use: WARM_ROUNDS calls of each cheap operation, 20 of each path search.
    for (const op of ops) {
      const rounds = op.name.includes('path') ? 20 : WARM_ROUNDS;
      for (let i = 0; i < rounds; i++) await Promise.all([httpCall(coldPort, op.http(ID_POOL - 1 - i)).catch(() => undefined), op.driver(ID_POOL - 1 - i).catch(() => undefined)]);
    }
    lines.push('| operation | clients | API p50 / p95 | driver p50 / p95 | API / driver (p50) | API, cached: p50 / p95 | app\'s own share: API - driver - cached (p50) |', '| --- | --- | --- | --- | --- | --- | --- |');
    let cell = 0;
    for (const op of ops) {
      for (const clients of op.clients ?? CONCURRENCY) {
        const total = clients === 1 ? CALLS_AT_ONE : Math.max(40, clients * 8);
        const base = (cell++) * CELL_SPAN;
        // At one client the API and the driver take turns call by call (bench/stats.ts).
        const [api, drv]: [Cell, Cell] = clients === 1
          ? turns(await takingTurns(total, (i) => httpCall(coldPort, op.http(base + i)), (i) => op.driver(base + i)))
          : [await load(clients, total, (i) => httpCall(coldPort, op.http(base + i))), await load(clients, total, (i) => op.driver(base + i))];
        for (let i = 0; i < total; i++) await httpCall(hotPort, op.http(base + i)).catch(() => undefined);
        const hot = await load(clients, total, (i) => httpCall(hotPort, op.http(base + i)));
        const share = clients === 1 ? (api.p50 - drv.p50 - hot.p50).toFixed(1) : '-';
        const line = `| ${op.name} | ${clients} | ${cellText(api)} | ${cellText(drv)} | ${(api.p50 / Math.max(0.1, drv.p50)).toFixed(2)} | ${cellText(hot)} | ${share} |`;
        console.log(line);
        lines.push(line);
      }
    }
  } finally {
    for (const app of apps) app.kill();
    agent.destroy();
    await getNeo4j().driver.close();
  }
  const section = [
    '<!-- scale:start -->',
    `Measured ${new Date().toISOString().slice(0, 16)} UTC with \`npm run bench:scale\` on 2 cores / 24 GiB (Neo4j heap and page cache 3 GiB each).`,
    `Graph: ${NODES.toLocaleString('en-US')} entities, ${RELS.toLocaleString('en-US')} relationships; generation: ${generation}.`,
    `Latency in ms, p50 / p95, over ${CALLS_AT_ONE} calls per cell at 1 client and max(40, 8 x clients) at more, each cell on entities no earlier cell read, after ${WARM_ROUNDS} warming calls of each cheap operation (20 of each path search) on other entities; at 1 client the API and the driver take turns call by call; "err" counts non-2xx answers (a path that times out answers 503).`,
    '"API": the production server with the read cache off (CACHE_MAX_BYTES=0), every answer from the database; "driver": the same data-layer call in this process; "API, cached": a second server with the cache, after one pass over the cell\'s requests (at 1 client: the round trip of the same answers, with no read behind it); "app\'s own share": what the app adds to a first visit beyond the query and that round trip.',
    '',
    ...lines,
    '<!-- scale:end -->',
  ].join('\n');
  const results = path.resolve('bench', 'results.md');
  const text = readFileSync(results, 'utf8');
  const updated = /<!-- scale:start -->[\s\S]*<!-- scale:end -->/.test(text)
    ? text.replace(/<!-- scale:start -->[\s\S]*<!-- scale:end -->/, section)
    : `${text.trimEnd()}\n\n## A million entities (\`npm run bench:scale\`)\n\n${section}\n`;
  writeFileSync(results, updated);
  console.log(`\nWritten to bench/results.md. The scratch Neo4j keeps running on ${env.uri}; stop it with NEO4J_LOCAL_PORT=${PORT} NEO4J_LOCAL_DIR=${DIR} npm run db:stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
