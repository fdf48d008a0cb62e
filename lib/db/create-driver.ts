import neo4j, { type Config, type Driver } from 'neo4j-driver';
import type { Env } from '../env';
import { neo4jPassword } from './local-password';

/**
 * A plain driver factory (no 'server-only'), shared by the app's singleton, the seed loader,
 * scripts and tests. Timeouts are short on purpose: by default the driver retries a dead server
 * for 30 s, and an API must answer 503 long before that. Connecting and waiting for a pooled
 * connection are each bounded by the query timeout too, so no wait outlasts it.
 */
export function createDriver(env: Env, overrides: Config = {}): Driver {
  // The local Neo4j's password is generated into its data folder (see local-password.ts).
  const wait = Math.min(3_000, env.NEO4J_QUERY_TIMEOUT_MS);
  return neo4j.driver(env.uri, neo4j.auth.basic(env.NEO4J_USER, neo4jPassword(env)), {
    connectionTimeout: wait,
    connectionAcquisitionTimeout: wait,
    maxTransactionRetryTime: 1_000,
    maxConnectionPoolSize: 50,
    userAgent: 'belt-road-graph-explorer/0.1',
    ...overrides,
  });
}
