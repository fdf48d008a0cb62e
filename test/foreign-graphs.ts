import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnv, type Env } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { ensureLocalPassword, localPasswordFile } from '../lib/db/local-password';
import { boltAnswers, startLocalNeo4j, stopLocalNeo4j } from '../neo4j/control';
import { besideTestDatabase } from './test-env';

/**
 * Small graphs of shapes the seed does not have, written by the tests themselves, and a local
 * Neo4j of their own to hold them (its own port, next to the test database's), emptied before each.
 *
 * films: people and films keyed by name and title (spaces, Cyrillic, Chinese), with the
 *        database's own full-text index, as another project would have made it.
 * lab:   samples keyed by a property whose name has a space, sites without any key (element ids),
 *        readings without any text property, and no full-text index at all.
 */

export interface ForeignGraph {
  name: 'films' | 'lab' | 'events' | 'science';
  statements: string[];
}

export const FILMS: ForeignGraph = {
  name: 'films',
  statements: [
    'CREATE CONSTRAINT person_name FOR (p:Person) REQUIRE p.name IS UNIQUE',
    'CREATE CONSTRAINT movie_title FOR (m:Movie) REQUIRE m.title IS UNIQUE',
    `CREATE (keanu:Person {name: 'Keanu Reeves', born: 1964}), (carrie:Person {name: 'Carrie-Anne Moss', born: 1967}),
            (lana:Person {name: 'Lana Wachowski', born: 1965}), (chow:Person {name: '周润发', born: 1955}),
            (ang:Person {name: '李安', born: 1954}), (bondarchuk:Person {name: 'Сергей Бондарчук', born: 1920}),
            (matrix:Movie {title: 'The Matrix', released: 1999, tagline: 'Welcome to the Real World'}),
            (tiger:Movie {title: '卧虎藏龙', released: 2000}), (war:Movie {title: 'Война и мир', released: 1966}),
            (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix), (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix),
            (lana)-[:DIRECTED]->(matrix), (chow)-[:ACTED_IN {roles: ['李慕白']}]->(tiger), (ang)-[:DIRECTED]->(tiger),
            (bondarchuk)-[:DIRECTED]->(war), (bondarchuk)-[:ACTED_IN {roles: ['Пьер Безухов']}]->(war),
            (keanu)-[:REVIEWED {rating: 9}]->(tiger)`,
    'CREATE FULLTEXT INDEX film_names FOR (n:Person|Movie) ON EACH [n.name, n.title]',
  ],
};

export const LAB: ForeignGraph = {
  name: 'lab',
  statements: [
    'CREATE CONSTRAINT sample_code FOR (s:Sample) REQUIRE s.`sample code` IS UNIQUE',
    `CREATE (s1:Sample {\`sample code\`: 'Проба 1', mass: 2.5}), (s2:Sample {\`sample code\`: '样品 2', mass: 1.25}),
            (s3:Sample {\`sample code\`: 'Sample #3 (rock)', mass: 7.0}),
            (north:Site {name: 'North Ridge', altitude: 1200}), (lake:Site {name: 'Озеро Восток', altitude: 3488}),
            (r1:Reading {value: 0.5, depth: 10}), (r2:Reading {value: 0.75, depth: 20}),
            (s1)-[:TAKEN_AT]->(north), (s2)-[:TAKEN_AT]->(lake), (s3)-[:TAKEN_AT]->(north),
            (north)-[:NEAR {km: 40}]->(lake), (s1)-[:MEASURED]->(r1), (s2)-[:MEASURED]->(r2)`,
  ],
};

/** The fresh Neo4j for foreign graphs: the test database's port + 1, a folder beside the test database's. */
export function foreignEnv(base: NodeJS.ProcessEnv = process.env): Env {
  const { NEO4J_URI, NEO4J_LOCAL_PORT, NEO4J_LOCAL_DIR, NEO4J_LOCAL_JIT } = besideTestDatabase(1, 'foreign', base);
  return loadEnv({ NEO4J_URI, NEO4J_LOCAL_PORT, NEO4J_LOCAL_DIR, NEO4J_LOCAL_JIT });
}

/**
 * The foreign instance's password (it runs with auth on, like every local Neo4j of the project);
 * the app reaches it as any other server, through NEO4J_URI and NEO4J_PASSWORD.
 */
export function foreignPassword(env: Env = foreignEnv()): string {
  return ensureLocalPassword(env);
}

/**
 * Empties the foreign instance and writes `graph` into it. A running instance is emptied in place
 * (every node, relationship, constraint and index but the two token lookups dropped: what schema
 * discovery reads is then what a fresh database shows: no label, relationship type, constraint or
 * index); one that does not answer is started on a wiped folder (keeping its password). Emptying
 * takes a fraction of a second where a start takes about 13 s.
 */
export async function loadForeignGraph(graph: ForeignGraph | null, env: Env = foreignEnv()): Promise<void> {
  const password = foreignPassword(env);
  if (!(await boltAnswers(env))) {
    await stopLocalNeo4j(env, () => undefined);
    rmSync(path.resolve(env.NEO4J_LOCAL_DIR), { recursive: true, force: true });
    mkdirSync(path.resolve(env.NEO4J_LOCAL_DIR), { recursive: true });
    writeFileSync(localPasswordFile(env), `${password}\n`, { mode: 0o600 });
    await startLocalNeo4j(env, () => undefined);
  }
  const driver = createDriver(env);
  const run = (query: string) => driver.executeQuery(query, {}, { database: env.NEO4J_DATABASE });
  try {
    await emptyDatabase(run);
    for (const statement of graph?.statements ?? []) await run(statement);
    await run('CALL db.awaitIndexes(120)');
  } finally {
    await driver.close();
  }
}

type Run = (query: string) => Promise<{ records: { get(key: string): unknown }[] }>;

/** Deletes every node and relationship and drops every constraint and index except the token lookups. */
async function emptyDatabase(run: Run): Promise<void> {
  await run('MATCH (n) DETACH DELETE n');
  for (const record of (await run('SHOW CONSTRAINTS YIELD name RETURN name')).records) {
    await run(`DROP CONSTRAINT \`${String(record.get('name')).replaceAll('`', '``')}\``);
  }
  for (const record of (await run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")).records) {
    await run(`DROP INDEX \`${String(record.get('name')).replaceAll('`', '``')}\``);
  }
}

export async function stopForeign(env: Env = foreignEnv()): Promise<void> {
  await stopLocalNeo4j(env, () => undefined);
}

/**
 * science: labels and relationship types in Cyrillic and with spaces, ids from a name with spaces,
 * no sources, no countries, and a hub of 250 neighbours (200 scientists, 50 laboratories); two of
 * the scientists also work in Lab 1.
 */
export const SCIENCE: ForeignGraph = {
  name: 'science',
  statements: [
    'CREATE CONSTRAINT centre_name FOR (c:`Научный центр`) REQUIRE c.name IS UNIQUE',
    'CREATE CONSTRAINT scientist_name FOR (s:`Учёный`) REQUIRE s.name IS UNIQUE',
    'CREATE CONSTRAINT lab_name FOR (l:`Research Lab`) REQUIRE l.name IS UNIQUE',
    `CREATE (hub:\`Научный центр\` {name: 'Центр Ады Лавлейс', founded: 1990})
     WITH hub UNWIND range(1, 200) AS i
     CREATE (:\`Учёный\` {name: 'Учёный ' + toString(i)})-[:\`РАБОТАЕТ В\` {since: 2000 + i % 20}]->(hub)`,
    `MATCH (hub:\`Научный центр\`) UNWIND range(1, 50) AS i
     CREATE (:\`Research Lab\` {name: 'Lab ' + toString(i)})-[:\`PART OF\`]->(hub)`,
    // Two scientists who also share a laboratory: two 2-step paths between them, one through the hub.
    `MATCH (a:\`Учёный\` {name: 'Учёный 1'}), (b:\`Учёный\` {name: 'Учёный 2'}), (l:\`Research Lab\` {name: 'Lab 1'})
     CREATE (a)-[:\`РАБОТАЕТ В\`]->(l), (b)-[:\`РАБОТАЕТ В\`]->(l)`,
  ],
};

/** The science hub's id as the explorer names it (`Label:value`). */
export const SCIENCE_HUB = 'Научный центр:Центр Ады Лавлейс';
