import { spawnSync } from 'node:child_process';
import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/neo4j/create-driver';
import { seedFromDir } from '../graph-seed/load';
import { startLocalNeo4j } from '../neo4j/control';
import { loadDotenv } from './load-dotenv';

/**
 * `npm start`: the local Neo4j (unless NEO4J_URI names another), the seed, a production build,
 * and the app on http://localhost:3000 (PORT to change it).
 */
async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  await startLocalNeo4j(env);
  if (env.local || process.env.SEED_ON_START === '1') {
    const driver = createDriver(env);
    try {
      const counts = await seedFromDir(driver, env.NEO4J_DATABASE);
      console.log(`Seed loaded: ${counts.nodes} entities, ${counts.relationships} relationships, ${counts.sources} sources (${counts.created.nodes} new).`);
    } finally {
      await driver.close();
    }
  }
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The build failed; see above.');
  const port = process.env.PORT ?? '3000';
  console.log(`\nOpen http://localhost:${port} (Ctrl+C stops the app; \`npm run db:stop\` stops the database).\n`);
  const app = spawnSync('npx', ['next', 'start', '-p', port], { stdio: 'inherit' });
  process.exit(app.status ?? 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
