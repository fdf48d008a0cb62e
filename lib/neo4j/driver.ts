import 'server-only';
import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { loadEnv, type Env } from '../env';
import { onShutdown } from '../http/shutdown';
import { createDriver } from './create-driver';
import { DeadlineError, toDataError } from './errors';

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
    // No retries inside the driver for the app: its first retry waits about 1 s, which only delays
    // the 503 (with Retry-After) that tells the client to try again; scripts keep the retries.
    const driver = createDriver(env, { maxTransactionRetryTime: 0 });
    holder.__graphExplorerNeo4j = { driver, env };
    onShutdown('neo4j-driver', async () => {
      if (holder.__graphExplorerNeo4j?.driver === driver) delete holder.__graphExplorerNeo4j;
      await driver.close();
    });
  }
  return holder.__graphExplorerNeo4j;
}

/**
 * Rejects with a DeadlineError when `work` has not settled within `ms`. The server enforces the
 * transaction timeout only while it runs: a frozen or half-dead server enforces nothing, so the app
 * keeps its own clock. The abandoned call settles later (or its socket dies) and is ignored.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs one reviewed, parameterized query in a READ transaction (so a cluster may serve it from any
 * member, and the server refuses any write) with a per-query timeout enforced by the server and by
 * the app (see withDeadline); driver errors become DataErrors.
 */
export async function readQuery<T extends RecordShape>(query: string, params: Record<string, unknown>): Promise<T[]> {
  const { driver, env } = getNeo4j();
  try {
    const result = await withDeadline(driver.executeQuery<{ records: T[] }>(query, params, {
      database: env.NEO4J_DATABASE,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: env.NEO4J_QUERY_TIMEOUT_MS },
      resultTransformer: neo4j.resultTransformers.mappedResultTransformer({
        map: (record) => record.toObject() as T,
        collect: (records) => ({ records }),
      }),
    }), env.NEO4J_QUERY_TIMEOUT_MS);
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
