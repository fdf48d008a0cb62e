import { loadEnv } from '../lib/env';
import { boltAnswers } from '../neo4j/control';
import { testEnvironment } from './test-env';

/** Integration tests need the test Neo4j that `npm test` starts and seeds; say so plainly if it is not there. */
export default async function setup(): Promise<void> {
  Object.assign(process.env, testEnvironment());
  const env = loadEnv();
  if (!(await boltAnswers(env))) {
    throw new Error(`No Neo4j answers on ${env.uri}. Run the integration tests through \`npm test\`, which starts and seeds it.`);
  }
}
