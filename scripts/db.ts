import { loadEnv } from '../lib/env';
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/control';
import { loadDotenv } from '../lib/load-dotenv';

/** `npm run db:start` / `npm run db:stop`. */
async function main(command: string | undefined): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  if (command === 'start') await startLocalNeo4j(env);
  else if (command === 'stop') await stopLocalNeo4j(env);
  else throw new Error('usage: db.ts start|stop');
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
