import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { type Env, loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { seedFromDir } from '../graph-seed/load';
import { type StartResult, startLocalNeo4j } from '../neo4j/control';
import { testEnvironment } from './test-env';

/** Starts (or reuses) the local Neo4j `env` names and loads the default data into it. */
export async function startSeeded(env: Env, log: (line: string) => void = () => undefined): Promise<StartResult> {
  const started = await startLocalNeo4j(env, log);
  const driver = createDriver(env);
  try {
    const counts = await seedFromDir(driver, env.NEO4J_DATABASE);
    log(`Seeded ${env.uri}: ${counts.nodes} entities, ${counts.relationships} relationships, ${counts.sources} sources.`);
  } finally {
    await driver.close();
  }
  return started;
}

/** A driver on the test database, for integration tests that look at the graph directly. */
export function testDriver(): { driver: Driver; database: string } {
  Object.assign(process.env, testEnvironment());
  const env = loadEnv();
  return { driver: createDriver(env), database: env.NEO4J_DATABASE };
}

function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  checksum: string;
}

/**
 * Counts and a checksum over every label, property and relationship in the database, except the
 * loader's dataset-version stamp (:ExplorerMeta), which changes on every load by design.
 */
export async function fingerprint(driver: Driver, database: string): Promise<GraphFingerprint> {
  const { records } = await driver.executeQuery(`
    MATCH (n) WHERE NOT n:ExplorerMeta OPTIONAL MATCH (n)-[r]->(m)
    WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS rels
    RETURN labels(n) AS labels, properties(n) AS props, rels`, {}, { database, routing: neo4j.routing.READ });
  const rows = records.map((record) => JSON.stringify(canonical([
    [...(record.get('labels') as string[])].sort(),
    record.get('props'),
    (record.get('rels') as unknown[]).map((rel) => JSON.stringify(canonical(rel))).sort(),
  ]))).sort();
  const relationships = records.reduce((sum, record) => sum + (record.get('rels') as unknown[]).length, 0);
  return { nodes: records.length, relationships, checksum: createHash('sha256').update(rows.join('\n')).digest('hex') };
}
