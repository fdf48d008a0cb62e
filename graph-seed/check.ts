import path from 'node:path';
import { DEFAULT_SEED_DIR } from './load';
import { readSeedDir } from './validate';

/** `npm run db:check [folder]`: validate seed files without a database. */
try {
  const dataset = readSeedDir(path.resolve(process.argv[2] ?? DEFAULT_SEED_DIR));
  console.log(`Valid: ${dataset.nodes.length} entities, ${dataset.relationships.length} relationships, ${dataset.sources.length} sources in ${dataset.files.join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
