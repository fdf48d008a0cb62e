import neo4j, { type Driver } from 'neo4j-driver';
import type { Env } from '../env';

/**
 * A plain driver factory (no 'server-only'), shared by the app's singleton, the seed loader,
 * scripts and tests. Timeouts are short on purpose: by default the driver retries a dead server
 * for 30 s, and an API must answer 503 long before that.
 */
export function createDriver(env: Env): Driver {
  // The local Neo4j runs with auth off and ignores the credentials; any other Neo4j checks them.
  return neo4j.driver(env.uri, neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 3_000,
    maxTransactionRetryTime: 1_000,
    maxConnectionPoolSize: 50,
    userAgent: 'belt-road-graph-explorer/0.1',
  });
}
