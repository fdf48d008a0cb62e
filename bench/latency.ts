import { loadEnv } from '../lib/env';
import { getNeo4j } from '../lib/db/driver';
import { getNeighbors, searchEntities } from '../lib/db/queries';
import { loadDotenv } from '../lib/load-dotenv';
import { row, summarize, timed } from './stats';

/**
 * Search and neighbour latency on the seed graph: through the HTTP API of a running app, and the
 * same data-access functions (same Cypher, same driver settings) called in-process, so the
 * difference is what Next.js and HTTP add. Requests are sequential: this measures latency, not load.
 *
 *   npm start            (or any running app on the same database)
 *   npm run bench:latency   (BENCH_URL, default http://127.0.0.1:3000; BENCH_N, default 300)
 */
const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const N = Number(process.env.BENCH_N ?? 300);
const QUERIES = ['Chongqing', 'chongq', 'Chongqng', 'Чунцин', '重庆', 'Yin Hejun', 'Инь Хэцзюнь', 'kazakhstan', 'belt and road', 'ministry'];
const IDS = ['event:brst-2023', 'initiative:bri', 'org:most', 'country:KAZ', 'person:yin-hejun'];

async function measure(name: string, call: (i: number) => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < N; i++) samples.push(await timed(() => call(i)));
  const line = row(name, summarize(samples));
  console.log(line);
  return line;
}

async function httpJson(path: string): Promise<void> {
  const response = await fetch(`${BASE}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await response.json();
}

async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  console.log(`Latency over ${N} sequential requests each, ms (database ${env.uri}, app ${BASE})\n`);
  console.log('| what | n | median | p95 | mean |\n| --- | --- | --- | --- | --- |');
  await measure('search, HTTP API', (i) => httpJson(`/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}&limit=10`));
  await measure('search, data layer + driver', (i) => searchEntities(QUERIES[i % QUERIES.length]!, 10));
  await measure('neighbours (page of 25), HTTP API', (i) => httpJson(`/api/nodes/${encodeURIComponent(IDS[i % IDS.length]!)}/neighbors?limit=25`));
  await measure('neighbours (page of 25), data layer + driver', (i) => getNeighbors(IDS[i % IDS.length]!, { limit: 25, offset: 0 }));
  await getNeo4j().driver.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
