import { loadEnv } from '../lib/env';
import { getSchema, forgetSchema } from '../lib/db/schema';
import { searchIndexPlan } from '../lib/graph/schema-index';
import { DB_INDEX, OWN_INDEXES } from '../lib/graph/schema-model';
import { createDriver } from '../lib/db/create-driver';
import { getNeo4j } from '../lib/db/driver';
import { loadDotenv } from '../lib/load-dotenv';

/**
 * npm run db:index [-- --rebuild]: the one explicit write the explorer makes to a database it did
 * not seed. It creates two full-text indexes (explorer_text, explorer_text_zh) over every label's
 * caption property, waits until they are online and says what it did. Nothing else is written.
 * --rebuild drops and recreates them (after labels or captions changed).
 */
async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  const rebuild = process.argv.includes('--rebuild');
  const schema = await getSchema();
  const present = new Set(schema.fulltext.map((i) => i.name));
  if (present.has(OWN_INDEXES[0].text) && present.has(OWN_INDEXES[0].chinese)) {
    console.log('This database has the seed\'s own full-text indexes; nothing to do.');
    return;
  }
  const plan = searchIndexPlan(schema);
  if (!plan) {
    console.log(schema.entities === 0 ? 'The database is empty; nothing to index.'
      : 'No label has a caption property to index; set captions in explorer.config.json first.');
    return;
  }
  const driver = createDriver(env);
  try {
    if (rebuild) {
      for (const name of [DB_INDEX.text, DB_INDEX.chinese]) await driver.executeQuery(`DROP INDEX \`${name}\` IF EXISTS`, {}, { database: env.NEO4J_DATABASE });
    } else if (present.has(DB_INDEX.text) && present.has(DB_INDEX.chinese)) {
      console.log(`The indexes ${DB_INDEX.text} and ${DB_INDEX.chinese} exist already (use --rebuild after labels or captions changed).`);
      return;
    }
    console.log(`Creating full-text indexes ${DB_INDEX.text} and ${DB_INDEX.chinese} on ${env.uri}`);
    console.log(`  labels:     ${plan.labels.join(', ')}\n  properties: ${plan.properties.join(', ')}`);
    const started = Date.now();
    for (const statement of plan.statements) await driver.executeQuery(statement, {}, { database: env.NEO4J_DATABASE });
    // Populating runs in the background; wait so search uses the index as soon as this returns.
    await driver.executeQuery('CALL db.awaitIndexes(3600)', {}, { database: env.NEO4J_DATABASE });
    console.log(`Online in ${((Date.now() - started) / 1000).toFixed(1)} s. A running app picks them up within a minute.`);
    forgetSchema();
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}).finally(() => getNeo4j().driver.close());
