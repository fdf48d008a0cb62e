import 'server-only';
import neo4j, { type Driver, type RecordShape, type Session } from 'neo4j-driver';
import { loadEnv, type Env } from '../env';
import { onShutdown, processWide } from '../server-seam';
import { createDriver } from './create-driver';
import { DeadlineError, toDataError } from './errors';

interface Neo4jHandle {
  driver: Driver;
  env: Env;
}

// One driver per process (server-seam.ts), so separate bundles and dev-mode hot reloads share one pool.
const slot = () => processWide<{ value?: Neo4jHandle }>('neo4j-driver', () => ({}));

/** The process-wide driver and the configuration it was made from. */
export function getNeo4j(): Neo4jHandle {
  const current = slot().value;
  if (current) return current;
  const env = loadEnv();
  // No retries inside the driver for the app: its first retry waits about 1 s, which only delays
  // the 503 (with Retry-After) that tells the client to try again; scripts keep the retries.
  const driver = createDriver(env, { maxTransactionRetryTime: 0 });
  const handle = { driver, env };
  slot().value = handle;
  onShutdown('neo4j-driver', async () => {
    if (slot().value?.driver === driver) slot().value = undefined;
    await driver.close();
  });
  return handle;
}

/**
 * Rejects with a DeadlineError when `work` has not settled within `ms`. The server enforces the
 * transaction timeout only while it runs: a frozen or half-dead server enforces nothing, so the app
 * keeps its own clock. The abandoned call settles later (or its socket dies) and is ignored.
 */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * session.run without the stack trace the driver captures for every result (to decorate errors
 * that the app replaces by DataErrors anyway): formatting it was the largest single cost of a
 * query in the app's process, more with source maps on.
 */
function run(session: Session, query: string, params: Record<string, unknown>, timeout: number) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(query, params, { timeout });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Runs one reviewed, parameterized query in a READ transaction (so a cluster may serve it from any
 * member, and the server refuses any write) with a per-query timeout enforced by the server and by
 * the app (see withDeadline); driver errors become DataErrors.
 *
 * An auto-commit transaction in a READ session, without bookmarks: one round trip, about half the
 * driver's CPU of `executeQuery` (whose managed transaction adds BEGIN and COMMIT, a retry loop and
 * the driver-wide bookmark manager; 0.8 against 1.4-2.1 ms of the app's CPU for `RETURN 1`). The app
 * never writes, so there is nothing for a bookmark to wait for, and retries are the client's (503 +
 * Retry-After).
 */
export async function readQuery<T extends RecordShape>(query: string, params: Record<string, unknown>): Promise<T[]> {
  const { driver, env } = getNeo4j();
  const session = driver.session({ database: env.NEO4J_DATABASE, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await withDeadline(run(session, query, params, env.NEO4J_QUERY_TIMEOUT_MS), env.NEO4J_QUERY_TIMEOUT_MS);
    return result.records.map((record) => record.toObject() as T);
  } catch (error) {
    throw toDataError(error);
  } finally {
    // Not awaited: after a deadline the abandoned query may still be running; its connection
    // returns to the pool when it ends or dies.
    session.close().catch(() => undefined);
  }
}

/** neo4j.int for LIMIT/SKIP: a plain JS number is sent as a float, which Cypher rejects. */
export const int = (value: number) => neo4j.int(value);

/** Closes the process-wide driver; the next call to getNeo4j reads the configuration again (tests that switch databases). */
export async function closeNeo4j(): Promise<void> {
  const handle = slot().value;
  slot().value = undefined;
  await handle?.driver.close();
}
