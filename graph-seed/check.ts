import path from 'node:path';
import { DEFAULT_SEED_DIR } from './load';
import { readSeedDir } from './validate';

/**
 * `npm run db:check [folder]`: validate seed files without a database. A source rated above its
 * host (graph-seed/publishers.json) is an error; a host the list does not know is a warning, so new
 * data can be checked before its publisher is reviewed.
 */
try {
  const dataset = readSeedDir(path.resolve(process.argv[2] ?? DEFAULT_SEED_DIR));
  for (const [host, ids] of [...dataset.unknownHosts].sort(([a], [b]) => a.localeCompare(b))) {
    console.warn(`Warning: ${host} is not in graph-seed/publishers.json (${ids.join(', ')}): review it and add it`);
  }
  console.log(`Valid: ${dataset.nodes.length} entities, ${dataset.relationships.length} relationships, ${dataset.sources.length} sources in ${dataset.files.join(', ')}`
    + (dataset.unknownHosts.size > 0 ? ` (${dataset.unknownHosts.size} unreviewed hosts, see the warnings)` : ''));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
