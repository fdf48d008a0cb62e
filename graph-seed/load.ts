import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { CLAIMS_PROPERTY, type Claim } from '../lib/graph/claims';
import { evidenceIndex, gradeEvidence, type EvidenceIndex } from '../lib/graph/evidence';
import { ENTITY_TYPE, RELATIONSHIP_TYPE, type SeedClaim, type SeedNode, type SeedRelationship } from './schema';
import { readSeedDir, type SeedDataset } from './validate';
import { SEED_INDEX } from '../lib/graph/schema-model';

/**
 * Writes a validated dataset into Neo4j: constraints and full-text indexes first, then MERGE in
 * batches, then removes what this dataset loaded before but no longer holds (a corrected fact must
 * not linger). Everything is tagged with its dataset's name, so loading another folder into the
 * same database leaves this one alone. Running the loader twice changes nothing.
 */

const BATCH_SIZE = 500;

/** The seed's full-text indexes: one list of names (lib/graph/schema-model.ts) for the loader and search. */
const FULLTEXT_INDEX = SEED_INDEX;

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
  SET s = row, s.dataset = $dataset`;

/** The label is interpolated, so it is checked against ENTITY_TYPE first (see mergeNodes). */
const mergeNodesQuery = (label: string) => `
  UNWIND $rows AS row
  MERGE (n:Entity {id: row.id})
  SET n = row, n.dataset = $dataset, n:\`${label}\``;

const mergeRelationshipsQuery = (type: string) => `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
  MERGE (a)-[r:\`${type}\`]->(b)
  SET r = row.props, r.dataset = $dataset`;

// Removal is by dataset tag: only what this dataset loaded earlier and no longer lists goes.
const PRUNE_QUERIES = [
  `MATCH (a:Entity)-[r]->(b:Entity) WHERE r.dataset = $dataset AND NOT a.id + '>' + type(r) + '>' + b.id IN $relationshipKeys
   DELETE r RETURN count(*) AS removed`,
  `MATCH (n:Entity {dataset: $dataset}) WHERE NOT n.id IN $nodeIds DETACH DELETE n RETURN count(*) AS removed`,
  `MATCH (s:Source {dataset: $dataset}) WHERE NOT s.id IN $sourceIds DELETE s RETURN count(*) AS removed`,
  // An entity whose type changed keeps no trace of its old label.
  `MATCH (n:Entity {dataset: $dataset}) UNWIND [l IN labels(n) WHERE l <> 'Entity' AND l <> n.type] AS stale
   REMOVE n:$(stale) RETURN count(*) AS removed`,
];

// The dataset version the app's read cache is keyed by (lib/db/read-cache.ts): a new random
// value after every load, whatever changed, so no reader keeps answers from before it.
export const STAMP_VERSION = `MERGE (m:ExplorerMeta {key: 'dataset'})
  SET m.version = randomUUID(), m.loadedAt = datetime(), m.lastDataset = $dataset`;

export interface LoadCounts {
  nodes: number;
  relationships: number;
  sources: number;
  /** What this run created; zero on a repeat run. */
  created: { nodes: number; relationships: number; sources: number };
  /** Relationships, entities, sources and stale labels this dataset had loaded before and no longer holds. */
  removed: number;
}

/** Whole numbers (years, counts) are stored as Neo4j integers; the driver would otherwise send every JS number as a float. */
function storedProperties(properties: SeedNode['properties']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));
}

/** A claim as stored: its own evidence grade and who published its sources. */
function gradedClaim(claim: SeedClaim, index: EvidenceIndex): Claim {
  const { grade, independent } = gradeEvidence(claim.sources, index);
  const publishers = [...new Set(claim.sources.map((id) => index.get(id)?.source.publisher).filter((p): p is string => p !== undefined))];
  return { ...claim, evidence: grade, independent, publishers };
}

/**
 * What the sources make of a fact, computed here and never read from the data: its evidence grade,
 * how many independent reputable publishers stand behind it, and its claims (each graded) as JSON.
 */
export function evidenceProperties(record: Pick<SeedNode, 'sources' | 'claims'>, index: EvidenceIndex): Record<string, unknown> {
  const { grade, independent } = gradeEvidence(record.sources, index);
  return {
    evidence: grade,
    evidenceIndependent: neo4j.int(independent),
    ...(record.claims?.length ? { [CLAIMS_PROPERTY]: JSON.stringify(record.claims.map((c) => gradedClaim(c, index))) } : {}),
  };
}

/** Flattens a seed node into Neo4j properties: names and aliases per language, plus a search text per language. */
function nodeToProperties(node: SeedNode, index: EvidenceIndex = new Map()): Record<string, unknown> {
  const props: Record<string, unknown> = {
    ...storedProperties(node.properties),
    ...evidenceProperties(node, index),
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
async function loadDataset(driver: Driver, database: string, dataset: SeedDataset, name: string): Promise<LoadCounts> {
  const counts: LoadCounts = {
    nodes: dataset.nodes.length, relationships: dataset.relationships.length, sources: dataset.sources.length,
    created: { nodes: 0, relationships: 0, sources: 0 },
    removed: 0,
  };
  for (const statement of SCHEMA_STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });

  const session = driver.session({ database });
  try {
    const run = async (query: string, rows: unknown[]) => {
      const summary = await session.executeWrite((tx) => tx.run(query, { rows, dataset: name }).summary());
      return summary.counters.updates();
    };
    const index = evidenceIndex(dataset.sources);
    for (const rows of batches(dataset.sources)) {
      counts.created.sources += (await run(MERGE_SOURCES, rows.map((s) => ({ ...s })))).nodesCreated;
    }
    for (const [label, nodes] of groupBy(dataset.nodes, (n) => n.type)) {
      if (!ENTITY_TYPE.test(label)) throw new Error(`refusing unsafe label ${label}`);
      for (const rows of batches(nodes)) counts.created.nodes += (await run(mergeNodesQuery(label), rows.map((n) => nodeToProperties(n, index)))).nodesCreated;
    }
    for (const [type, rels] of groupBy(dataset.relationships, (r: SeedRelationship) => r.type)) {
      if (!RELATIONSHIP_TYPE.test(type)) throw new Error(`refusing unsafe relationship type ${type}`);
      const rows = rels.map((r) => ({ from: r.from, to: r.to, props: { ...storedProperties(r.properties), sourceIds: r.sources, ...evidenceProperties(r, index) } }));
      for (const batch of batches(rows)) counts.created.relationships += (await run(mergeRelationshipsQuery(type), batch)).relationshipsCreated;
    }
    const keep = {
      dataset: name,
      nodeIds: dataset.nodes.map((n) => n.id),
      sourceIds: dataset.sources.map((s) => s.id),
      relationshipKeys: dataset.relationships.map((r) => `${r.from}>${r.type}>${r.to}`),
    };
    for (const query of PRUNE_QUERIES) {
      const records = await session.executeWrite(async (tx) => (await tx.run(query, keep)).records);
      counts.removed += records.reduce((sum, record) => sum + Number(record.get('removed')), 0);
    }
    await session.executeWrite((tx) => tx.run(STAMP_VERSION, { dataset: name }).summary());
  } finally {
    await session.close();
  }
  return counts;
}

export const DEFAULT_SEED_DIR = path.resolve('graph-seed', 'data');

/** The name a folder's data is tagged with: "default" for the seed, else the folder's name. */
function datasetName(dir: string): string {
  return path.resolve(dir) === DEFAULT_SEED_DIR ? 'default' : path.basename(path.resolve(dir));
}

/** Validates every file of a seed folder, then loads it. Invalid data throws before anything is written. */
export async function seedFromDir(driver: Driver, database: string, dir: string = DEFAULT_SEED_DIR, name = datasetName(dir)): Promise<LoadCounts & { files: string[] }> {
  const dataset = readSeedDir(dir);
  return { ...(await loadDataset(driver, database, dataset, name)), files: dataset.files };
}
