import { loadEnv } from '../lib/env';
import { boltAnswers } from '../neo4j/control';
import { foreignEnv, stopForeign } from './foreign-graphs';
import { testEnvironment } from './test-env';

/**
 * Integration tests need the test Neo4j that `npm test` starts and seeds; say so plainly if it is
 * not there. The Neo4j for graphs the project did not seed starts with the first test file that
 * loads one, is emptied in place between them, and stops here, after the last.
 */
export default async function setup(): Promise<() => Promise<void>> {
  Object.assign(process.env, testEnvironment());
  const env = loadEnv();
  if (!(await boltAnswers(env))) {
    throw new Error(`No Neo4j answers on ${env.uri}. Run the integration tests through \`npm test\`, which starts and seeds it.`);
  }
  return async () => {
    await stopForeign(foreignEnv());
  };
}
