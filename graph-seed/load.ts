import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ENTITY_TYPE, RELATIONSHIP_TYPE, type SeedNode, type SeedRelationship } from './schema';
import { readSeedDir, type SeedDataset } from './validate';

/**
 * Writes a validated dataset into Neo4j: constraints and full-text indexes first, then MERGE in
 * batches. Every statement is idempotent, so running the loader twice changes nothing.
 */

const BATCH_SIZE = 500;

/** Index names shared with the search queries in lib/graph. */
export const FULLTEXT_INDEX = { text: 'entity_text', chinese: 'entity_text_zh' } as const;

const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
  // Latin and Cyrillic names and aliases, case- and accent-folded.
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX.text} IF NOT EXISTS FOR (n:Entity) ON EACH [n.search_en, n.search_ru]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false}}`,
  // Chinese has no spaces between words: the CJK analyzer indexes character bigrams.
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX.chinese} IF NOT EXISTS FOR (n:Entity) ON EACH [n.search_zh]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false}}`,
];

const MERGE_SOURCES = `
  UNWIND $rows AS row
  MERGE (s:Source {id: row.id})
  SET s = row`;

/** The label is interpolated, so it is checked against ENTITY_TYPE first (see mergeNodes). */
const mergeNodesQuery = (label: string) => `
  UNWIND $rows AS row
  MERGE (n:Entity {id: row.id})
  SET n = row, n:\`${label}\``;

const mergeRelationshipsQuery = (type: string) => `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
  MERGE (a)-[r:\`${type}\`]->(b)
  SET r = row.props`;

export interface LoadCounts {
  nodes: number;
  relationships: number;
  sources: number;
  /** What this run created; zero on a repeat run. */
  created: { nodes: number; relationships: number; sources: number };
}

/** Flattens a seed node into Neo4j properties: names and aliases per language, plus a search text per language. */
export function nodeToProperties(node: SeedNode): Record<string, unknown> {
  const props: Record<string, unknown> = {
    ...node.properties,
    id: node.id,
    type: node.type,
    name: node.names.en,
    description: node.description,
    sourceIds: node.sources,
  };
  for (const lang of ['en', 'ru', 'zh'] as const) {
    const name = node.names[lang];
    const aliases = node.aliases[lang] ?? [];
    if (name) props[`name_${lang}`] = name;
    if (aliases.length > 0) props[`aliases_${lang}`] = aliases;
    const search = [name, ...aliases].filter(Boolean).join(' | ');
    if (search) props[`search_${lang}`] = search;
  }
  return props;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

/** Loads the dataset; the caller has validated it (readSeedDir). */
export async function loadDataset(driver: Driver, database: string, dataset: SeedDataset): Promise<LoadCounts> {
  const counts: LoadCounts = {
    nodes: dataset.nodes.length, relationships: dataset.relationships.length, sources: dataset.sources.length,
    created: { nodes: 0, relationships: 0, sources: 0 },
  };
  for (const statement of SCHEMA_STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });

  const session = driver.session({ database });
  try {
    const run = async (query: string, rows: unknown[]) => {
      const summary = await session.executeWrite((tx) => tx.run(query, { rows }).summary());
      return summary.counters.updates();
    };
    for (const rows of batches(dataset.sources)) {
      counts.created.sources += (await run(MERGE_SOURCES, rows.map((s) => ({ ...s })))).nodesCreated;
    }
    for (const [label, nodes] of groupBy(dataset.nodes, (n) => n.type)) {
      if (!ENTITY_TYPE.test(label)) throw new Error(`refusing unsafe label ${label}`);
      for (const rows of batches(nodes)) counts.created.nodes += (await run(mergeNodesQuery(label), rows.map(nodeToProperties))).nodesCreated;
    }
    for (const [type, rels] of groupBy(dataset.relationships, (r: SeedRelationship) => r.type)) {
      if (!RELATIONSHIP_TYPE.test(type)) throw new Error(`refusing unsafe relationship type ${type}`);
      const rows = rels.map((r) => ({ from: r.from, to: r.to, props: { ...r.properties, sourceIds: r.sources } }));
      for (const batch of batches(rows)) counts.created.relationships += (await run(mergeRelationshipsQuery(type), batch)).relationshipsCreated;
    }
  } finally {
    await session.close();
  }
  return counts;
}

export const DEFAULT_SEED_DIR = path.resolve('graph-seed', 'data');

/** Validates every file of a seed folder, then loads it. Invalid data throws before anything is written. */
export async function seedFromDir(driver: Driver, database: string, dir: string = DEFAULT_SEED_DIR): Promise<LoadCounts & { files: string[] }> {
  const dataset = readSeedDir(dir);
  return { ...(await loadDataset(driver, database, dataset)), files: dataset.files };
}
