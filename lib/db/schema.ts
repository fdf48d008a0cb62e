import 'server-only';
import { processWide } from '../server-seam';
import { readQuery } from './driver';
import { loadExplorerConfig } from './explorer-config';
import { toPlain } from './mappers';
import {
  chooseCaption, q, SEED_KEY, SEED_LABEL, SOURCE_LABEL,
  type FulltextIndex, type GraphSchema, type KeyStats, type LabelInfo,
} from '../graph/schema-model';

/**
 * Schema discovery with read-only procedures and commands only: labels, relationship types,
 * constraints, indexes, counts (from the count store) and a small sample of each label's
 * properties. Cached per process and refreshed after SCHEMA_TTL_MS, so a new index or label is
 * picked up without a restart while a request never waits for discovery twice.
 */

const SCHEMA_TTL_MS = 60_000;
/** Nodes sampled per label to choose its caption. */
const SAMPLE_SIZE = 200;
/** Labels sampled at most (in name order); the rest get captions only from the config. */
const MAX_SAMPLED_LABELS = 100;
const SAMPLE_CONCURRENCY = 4;

// The loader's own bookkeeping node (the dataset version the read cache keys on) is not part of the graph.
const LABELS_QUERY = "CALL db.labels() YIELD label WHERE label <> 'ExplorerMeta' RETURN collect(label) AS labels";
const TYPES_QUERY = 'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types';
const CONSTRAINTS_QUERY = `SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
  WHERE entityType = 'NODE' AND type IN ['UNIQUENESS', 'NODE_KEY'] AND size(properties) = 1
  RETURN labelsOrTypes[0] AS label, properties[0] AS key`;
const INDEXES_QUERY = `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state
  WHERE entityType = 'NODE' AND state = 'ONLINE' AND type IN ['FULLTEXT', 'RANGE', 'TEXT']
  RETURN name, type, labelsOrTypes AS labels, properties`;
// The loader's dataset stamp (:ExplorerMeta) is bookkeeping, not an entity: counted to be left out.
const TOTALS_QUERY = `CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH (m:ExplorerMeta) RETURN count(m) AS meta }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN nodes - meta AS nodes, relationships`;

// A label scan that stops after SAMPLE_SIZE nodes: what keys they have, how often text, how long.
// The label's count comes from the count store.
const sampleQuery = (label: string) => `
  CALL () { MATCH (n:${q(label)}) RETURN count(n) AS total }
  CALL () { MATCH (n:${q(label)}) WITH n LIMIT ${SAMPLE_SIZE} RETURN collect(n) AS nodes }
  UNWIND CASE WHEN size(nodes) = 0 THEN [null] ELSE nodes END AS n
  UNWIND CASE WHEN n IS NULL OR size(keys(n)) = 0 THEN [null] ELSE keys(n) END AS key
  WITH total, size(nodes) AS sampled, key, CASE WHEN key IS NULL THEN null ELSE n[key] END AS value
  RETURN total, sampled, key, count(*) AS present, sum(CASE WHEN value IS :: STRING THEN 1 ELSE 0 END) AS strings,
    sum(CASE WHEN value IS :: INTEGER THEN 1 ELSE 0 END) AS integers,
    avg(CASE WHEN value IS :: STRING THEN size(value) END) AS avgLength`;

interface SampleRow { total: unknown; sampled: unknown; key: string | null; present: unknown; strings: unknown; integers: unknown; avgLength: unknown }

interface Sample { total: number; sampled: number; stats: (KeyStats & { integers: number })[] }

async function sampleLabel(label: string): Promise<Sample> {
  const rows = await readQuery<SampleRow>(sampleQuery(label), {});
  const num = (value: unknown) => Number(toPlain(value) ?? 0);
  return {
    total: num(rows[0]?.total),
    sampled: num(rows[0]?.sampled),
    // A row without a key only carries the counts (a label whose nodes have no properties).
    stats: rows.filter((r): r is SampleRow & { key: string } => r.key !== null).map((r) => ({
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
  const keys = new Map<string, string>();
  for (const c of [...constraints].sort((x, y) => x.key.localeCompare(y.key))) if (!keys.has(c.label)) keys.set(c.label, c.key);

  // A few labels at a time: a burst of first-time plans can crowd a small server.
  const samples = new Map<string, Sample>();
  for (let i = 0; i < Math.min(names.length, MAX_SAMPLED_LABELS); i += SAMPLE_CONCURRENCY) {
    const batch = names.slice(i, i + SAMPLE_CONCURRENCY);
    (await Promise.all(batch.map(sampleLabel))).forEach((sample, k) => samples.set(batch[k]!, sample));
  }
  const labels: LabelInfo[] = names.map((label) => {
    const sample = samples.get(label) ?? { total: 0, sampled: 0, stats: [] };
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
      label, count: sample.total, idKey: idKeyKind ? idKey : null, idKeyKind,
      caption, captionFrom: configured ? 'config' : caption ? 'auto' : null, captionIndex,
    } satisfies LabelInfo;
  });
  const counts = new Map(labels.map((l) => [l.label, l.count]));

  const seedShape = keys.get(SEED_LABEL) === SEED_KEY;
  const provenance = seedShape && keys.get(SOURCE_LABEL) === 'id';
  const fulltext: FulltextIndex[] = indexes.filter((i) => i.type === 'FULLTEXT')
    .map((i) => ({ name: i.name, labels: i.labels ?? [], properties: i.properties ?? [] }));
  const nodes = Number(toPlain(totals?.nodes) ?? 0);
  const entities = provenance ? nodes - (counts.get(SOURCE_LABEL) ?? 0) : nodes;
  return {
    seedShape,
    provenance,
    seedOnly: seedShape && entities === (counts.get(SEED_LABEL) ?? 0),
    labels,
    relationshipTypes: [...(typeRow?.types ?? [])].sort(),
    fulltext,
    entities,
    relationships: Number(toPlain(totals?.relationships) ?? 0),
  };
}

interface Cached { at: number; schema: Promise<GraphSchema>; refreshing?: boolean }
// One discovered schema per process (server-seam.ts).
const slot = () => processWide<{ value?: Cached }>('schema', () => ({}));

function start(): Cached {
  const entry: Cached = { at: Date.now(), schema: discover() };
  // A failed first discovery (database down) is not kept: the next request tries again.
  entry.schema.catch(() => {
    if (slot().value === entry) slot().value = undefined;
  });
  return entry;
}

/**
 * The database's schema. Only the first discovery makes a request wait; after SCHEMA_TTL_MS the
 * cached one is still served while a fresh discovery runs, and replaces it once it succeeds.
 */
export async function getSchema(): Promise<GraphSchema> {
  const cached = slot().value;
  if (!cached) {
    const entry = start();
    slot().value = entry;
    return entry.schema;
  }
  if (Date.now() - cached.at >= SCHEMA_TTL_MS && !cached.refreshing) {
    cached.refreshing = true;
    const fresh = discover();
    fresh.then(() => {
      if (slot().value === cached) slot().value = { at: Date.now(), schema: fresh };
    }, () => {
      cached.refreshing = false;
    });
  }
  return cached.schema;
}

/** Forgets the cached schema (after `db:index` in the same process, and in tests that reshape the database). */
export function forgetSchema(): void {
  slot().value = undefined;
}
