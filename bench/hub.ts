import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedFromDir } from '../graph-seed/load';
import { getNeighbors, getNode, getSubgraph, searchEntities } from '../lib/db/queries';
import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { getNeo4j } from '../lib/db/driver';
import { loadDotenv } from '../lib/load-dotenv';
import { row, summarize, timed } from './stats';

/**
 * Beyond the seed: loads a synthetic dataset "bench-hub" (one hub linked to BENCH_HUB_SIZE entities,
 * default 20,000) through the seed loader, times the data layer on it, then deletes that dataset
 * again. Point it at a scratch database (e.g. NEO4J_LOCAL_PORT=7730): it writes.
 *
 *   npm run bench:hub
 */
const SIZE = Number(process.env.BENCH_HUB_SIZE ?? 20_000);
const N = 30;

async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-hub-'));
  const driver = createDriver(env);
  try {
    const leaves = Array.from({ length: SIZE }, (_, i) => `leaf:${String(i).padStart(6, '0')}`);
    writeFileSync(path.join(dir, 'hub.json'), JSON.stringify({
      sources: [{ id: 'src:bench', publisher: 'Benchmark', title: 'Synthetic data', date: null, url: 'https://example.org/', reliability: 'low' }],
      nodes: [
        { id: 'hub:bench', type: 'BenchHub', names: { en: 'Benchmark hub' }, description: 'Synthetic.', sources: ['src:bench'] },
        ...leaves.map((id, i) => ({ id, type: i % 3 === 0 ? 'BenchA' : 'BenchB', names: { en: `Leaf ${i}` }, description: 'Synthetic.', sources: ['src:bench'] })),
      ],
      relationships: leaves.map((id, i) => ({ from: id, type: i % 2 === 0 ? 'LINKS' : 'JOINS', to: 'hub:bench', sources: ['src:bench'] })),
    }));
    const load = await timed(() => seedFromDir(driver, env.NEO4J_DATABASE, dir, 'bench-hub'));
    console.log(`Loaded a hub with ${SIZE} relationships in ${Math.round(load)} ms (database ${env.uri}); ${N} runs each, ms\n`);
    console.log('| what | n | median | p95 | mean |\n| --- | --- | --- | --- | --- |');
    const measure = async (name: string, call: () => Promise<unknown>) => {
      await call();
      const samples: number[] = [];
      for (let i = 0; i < N; i++) samples.push(await timed(call));
      console.log(row(name, summarize(samples)));
    };
    await measure('hub details (degree by type)', () => getNode('hub:bench'));
    await measure('hub neighbours, first page of 25', () => getNeighbors('hub:bench', { limit: 25, offset: 0 }));
    await measure('hub neighbours, page at offset 10,000', () => getNeighbors('hub:bench', { limit: 25, offset: 10_000 }));
    await measure('subgraph of the hub and 200 leaves', () => getSubgraph(['hub:bench', ...leaves.slice(0, 200)]));
    await measure('search "leaf 1234"', () => searchEntities('leaf 1234', 10));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction, which session.run gives.
    const session = driver.session({ database: env.NEO4J_DATABASE });
    try {
      await session.run('MATCH (n:Entity {dataset: "bench-hub"}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      await session.run('MATCH (s:Source {dataset: "bench-hub"}) DELETE s');
    } finally {
      await session.close();
    }
    await driver.close();
    await getNeo4j().driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
