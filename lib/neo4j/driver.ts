import 'server-only';
import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { loadEnv, type Env } from '../env';
import { createDriver } from './create-driver';
import { toDataError } from './errors';

interface Neo4jHandle {
  driver: Driver;
  env: Env;
}

// One driver per process; kept on globalThis so dev-mode hot reloads do not leak connection pools.
const holder = globalThis as typeof globalThis & { __graphExplorerNeo4j?: Neo4jHandle };

/** The process-wide driver and the configuration it was made from. */
export function getNeo4j(): Neo4jHandle {
  if (!holder.__graphExplorerNeo4j) {
    const env = loadEnv();
    holder.__graphExplorerNeo4j = { driver: createDriver(env), env };
  }
  return holder.__graphExplorerNeo4j;
}

/**
 * Runs one reviewed, parameterized query in a READ transaction (so a cluster may serve it from any
 * member, and the server refuses any write) with a per-query timeout; driver errors become DataErrors.
 */
export async function readQuery<T extends RecordShape>(query: string, params: Record<string, unknown>): Promise<T[]> {
  const { driver, env } = getNeo4j();
  try {
    const result = await driver.executeQuery<{ records: T[] }>(query, params, {
      database: env.NEO4J_DATABASE,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: env.NEO4J_QUERY_TIMEOUT_MS },
      resultTransformer: neo4j.resultTransformers.mappedResultTransformer({
        map: (record) => record.toObject() as T,
        collect: (records) => ({ records }),
      }),
    });
    return result.records;
  } catch (error) {
    throw toDataError(error);
  }
}

/** neo4j.int for LIMIT/SKIP: a plain JS number is sent as a float, which Cypher rejects. */
export const int = (value: number) => neo4j.int(value);

/** Closes the process-wide driver; the next call to getNeo4j reads the configuration again (tests that switch databases). */
export async function closeNeo4j(): Promise<void> {
  const handle = holder.__graphExplorerNeo4j;
  delete holder.__graphExplorerNeo4j;
  await handle?.driver.close();
}
