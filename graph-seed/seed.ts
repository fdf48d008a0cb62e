import path from 'node:path';
import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { loadDotenv } from '../lib/load-dotenv';
import { DEFAULT_SEED_DIR, seedFromDir } from './load';

/** `npm run db:seed [folder]`. */
async function main(dir: string): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const started = Date.now();
  const driver = createDriver(env);
  try {
    const counts = await seedFromDir(driver, env.NEO4J_DATABASE, dir);
    console.log(`Seeded ${env.uri} (database ${env.NEO4J_DATABASE}) from ${counts.files.join(', ')} in ${Date.now() - started} ms:`);
    console.log(`  entities:      ${counts.nodes} (${counts.created.nodes} new)`);
    console.log(`  relationships: ${counts.relationships} (${counts.created.relationships} new)`);
    console.log(`  sources:       ${counts.sources} (${counts.created.sources} new)`);
    if (counts.removed > 0) console.log(`  removed:       ${counts.removed} (entities, relationships, sources or labels no longer in the data)`);
  } finally {
    await driver.close();
  }
}

main(path.resolve(process.argv[2] ?? DEFAULT_SEED_DIR)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
