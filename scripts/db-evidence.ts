import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { evidenceStats, gradeTable } from '../lib/db/evidence-stats';
import { loadDotenv } from '../lib/load-dotenv';

/**
 * `npm run db:evidence`: how strong the loaded facts are, read from the database (nothing written):
 * grade counts per entity type and relationship type, and how many PARTNER_OF links rest only on
 * copies or low-reliability sources. Prints Markdown, ready for bench/results.md.
 */
async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const driver = createDriver(env);
  try {
    const stats = await evidenceStats(driver, env.NEO4J_DATABASE);
    if (stats.entities.size === 0 && stats.relationships.size === 0) {
      console.log('No evidence grades in this database: load the seed (npm run db:seed) first; another graph has none.');
      return;
    }
    console.log(gradeTable('entity type', stats.entities));
    console.log();
    console.log(gradeTable('relationship type', stats.relationships));
    const partner = stats.relationships.get('PARTNER_OF');
    if (partner) {
      const total = Object.values(partner).reduce((a, b) => a + b, 0);
      console.log(`\nPARTNER_OF resting only on copies or low-reliability sources: ${partner.weak} of ${total}`);
    }
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
