import 'server-only';
import { readQuery } from '../neo4j/driver';
import { loadExplorerConfig } from './explorer-config';
import { toPlain } from './mappers';
import {
  chooseCaption, q, SEED_KEY, SEED_LABEL, SOURCE_LABEL,
  type FulltextIndex, type GraphSchema, type KeyStats, type LabelInfo,
} from './schema-model';

/**
 * Schema discovery with read-only procedures and commands only: labels, relationship types,
 * constraints, indexes, counts (from the count store) and a small sample of each label's
 * properties. Cached per process and refreshed after SCHEMA_TTL_MS, so a new index or label is
 * picked up without a restart while a request never waits for discovery twice.
 */

export const SCHEMA_TTL_MS = 60_000;
/** Nodes sampled per label to choose its caption. */
const SAMPLE_SIZE = 200;
/** Labels sampled at most (the most populous first); the rest get captions only from the config. */
const MAX_SAMPLED_LABELS = 60;

const LABELS_QUERY = 'CALL db.labels() YIELD label RETURN collect(label) AS labels';
const TYPES_QUERY = 'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types';
const CONSTRAINTS_QUERY = `SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
  WHERE entityType = 'NODE' AND type IN ['UNIQUENESS', 'NODE_KEY'] AND size(properties) = 1
  RETURN labelsOrTypes[0] AS label, properties[0] AS key`;
const INDEXES_QUERY = `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state
  WHERE entityType = 'NODE' AND state = 'ONLINE' AND type IN ['FULLTEXT', 'RANGE', 'TEXT']
  RETURN name, type, labelsOrTypes AS labels, properties`;
const TOTALS_QUERY = `CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN nodes, relationships`;

// One branch per label, all counts from the count store.
const countsQuery = (labels: string[]) => labels.map((l, i) => `CALL () { MATCH (n:${q(l)}) RETURN count(n) AS c${i} }`).join('\n')
  + `\nRETURN [${labels.map((_, i) => `c${i}`).join(', ')}] AS counts`;

// A label scan that stops after SAMPLE_SIZE nodes: what keys they have, how often text, how long.
const sampleQuery = (label: string) => `
  MATCH (n:${q(label)}) WITH n LIMIT ${SAMPLE_SIZE}
  WITH count(n) AS sampled, collect(n) AS nodes
  UNWIND nodes AS n UNWIND keys(n) AS key
  WITH sampled, key, n[key] AS value
  RETURN sampled, key, count(*) AS present, sum(CASE WHEN value IS :: STRING THEN 1 ELSE 0 END) AS strings,
    sum(CASE WHEN value IS :: INTEGER THEN 1 ELSE 0 END) AS integers,
    avg(CASE WHEN value IS :: STRING THEN size(value) END) AS avgLength`;

interface SampleRow { sampled: unknown; key: string; present: unknown; strings: unknown; integers: unknown; avgLength: unknown }

async function sampleLabel(label: string): Promise<{ sampled: number; stats: (KeyStats & { integers: number })[] }> {
  const rows = await readQuery<SampleRow>(sampleQuery(label), {});
  const num = (value: unknown) => Number(toPlain(value) ?? 0);
  return {
    sampled: num(rows[0]?.sampled),
    stats: rows.map((r) => ({
      key: r.key, present: num(r.present), strings: num(r.strings), integers: num(r.integers),
      avgLength: r.avgLength === null ? null : num(r.avgLength),
    })),
  };
}

async function discover(): Promise<GraphSchema> {
  const config = loadExplorerConfig();
  const [[labelRow], [typeRow], constraints, indexes, [totals]] = await Promise.all([
    readQuery<{ labels: string[] }>(LABELS_QUERY, {}),
    readQuery<{ types: string[] }>(TYPES_QUERY, {}),
    readQuery<{ label: string; key: string }>(CONSTRAINTS_QUERY, {}),
    readQuery<{ name: string; type: string; labels: string[] | null; properties: string[] | null }>(INDEXES_QUERY, {}),
    readQuery<{ nodes: unknown; relationships: unknown }>(TOTALS_QUERY, {}),
  ]);
  const names = [...(labelRow?.labels ?? [])].sort();
  const [countRow] = names.length > 0 ? await readQuery<{ counts: unknown[] }>(countsQuery(names), {}) : [];
  const counts = new Map(names.map((l, i) => [l, Number(toPlain(countRow?.counts[i]) ?? 0)]));
  const keys = new Map<string, string>();
  for (const c of [...constraints].sort((a, b) => a.key.localeCompare(b.key))) if (!keys.has(c.label)) keys.set(c.label, c.key);

  const sampled = new Set([...names].filter((l) => (counts.get(l) ?? 0) > 0)
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0)).slice(0, MAX_SAMPLED_LABELS));
  const labels: LabelInfo[] = await Promise.all(names.map(async (label) => {
    const sample = sampled.has(label) ? await sampleLabel(label) : { sampled: 0, stats: [] };
    const idKey = keys.get(label) ?? null;
    const keyStats = sample.stats.find((s) => s.key === idKey);
    // Only text and integer keys make readable ids; anything else falls back to element ids.
    const idKeyKind = !keyStats ? (idKey ? 'string' : null) : keyStats.integers === keyStats.present ? 'integer'
      : keyStats.strings === keyStats.present ? 'string' : null;
    const configured = config.captions[label];
    const caption = configured ?? chooseCaption(sample.stats, sample.sampled);
    const captionIndex = indexes.find((i) => i.type === 'TEXT' && i.labels?.[0] === label && i.properties?.[0] === caption) ? 'text'
      : indexes.find((i) => i.type === 'RANGE' && i.labels?.[0] === label && i.properties?.[0] === caption) ? 'range' : null;
    return {
      label, count: counts.get(label) ?? 0, idKey: idKeyKind ? idKey : null, idKeyKind,
      caption, captionFrom: configured ? 'config' : caption ? 'auto' : null, captionIndex,
    } satisfies LabelInfo;
  }));

  const seedShape = keys.get(SEED_LABEL) === SEED_KEY;
  const provenance = seedShape && keys.get(SOURCE_LABEL) === 'id';
  const fulltext: FulltextIndex[] = indexes.filter((i) => i.type === 'FULLTEXT')
    .map((i) => ({ name: i.name, labels: i.labels ?? [], properties: i.properties ?? [] }));
  const nodes = Number(toPlain(totals?.nodes) ?? 0);
  return {
    seedShape,
    provenance,
    labels,
    relationshipTypes: [...(typeRow?.types ?? [])].sort(),
    fulltext,
    entities: provenance ? nodes - (counts.get(SOURCE_LABEL) ?? 0) : nodes,
    relationships: Number(toPlain(totals?.relationships) ?? 0),
  };
}

const holder = globalThis as typeof globalThis & { __graphExplorerSchema?: { at: number; schema: Promise<GraphSchema> } };

/** The database's schema as discovered at most SCHEMA_TTL_MS ago; concurrent callers share one discovery. */
export async function getSchema(): Promise<GraphSchema> {
  const cached = holder.__graphExplorerSchema;
  if (cached && Date.now() - cached.at < SCHEMA_TTL_MS) return cached.schema;
  const schema = discover();
  holder.__graphExplorerSchema = { at: Date.now(), schema };
  // A failed discovery (database down) is not cached: the next request tries again.
  schema.catch(() => {
    if (holder.__graphExplorerSchema?.schema === schema) delete holder.__graphExplorerSchema;
  });
  return schema;
}

/** Forgets the cached schema (after `db:index` in the same process, and in tests that reshape the database). */
export function forgetSchema(): void {
  delete holder.__graphExplorerSchema;
}
