import { DATE_KEY_PATTERN, SEED_TIME_KEYS } from '../analysis/time';

/**
 * What the explorer knows about a database's shape, and the Cypher fragments that follow from it.
 * Pure (no driver): discovery in schema.ts fills a GraphSchema; the queries read it. Names of labels,
 * relationship types and property keys come from the database itself and are always backtick-quoted.
 */

export interface LabelInfo {
  label: string;
  count: number;
  /** A single property backed by a uniqueness constraint or node key; null: ids are elementIds. */
  idKey: string | null;
  idKeyKind: 'string' | 'integer' | null;
  /** The property shown as a node's name; null when the label has none (the id is shown instead). */
  caption: string | null;
  captionFrom: 'config' | 'auto' | null;
  /** Kind of index on the caption property, used by the search fallback. */
  captionIndex: 'text' | 'range' | null;
}

export interface FulltextIndex {
  name: string;
  labels: string[];
  properties: string[];
}

export interface GraphSchema {
  /** The project's own datasets: `Entity` nodes keyed by `id`, with `type` and `name`. */
  seedShape: boolean;
  /** The seed's `Source` nodes (provenance) are present: they are hidden from exploration. */
  provenance: boolean;
  /** Every explorable node is a seed `Entity`: the queries use its properties directly (smallest plans). */
  seedOnly: boolean;
  labels: LabelInfo[];
  relationshipTypes: string[];
  fulltext: FulltextIndex[];
  /** Explorable nodes (every node but provenance Sources). */
  entities: number;
  relationships: number;
}

/** The seed's label and key; its ids are written bare (`country:KAZ`), every other key as `Label:value`. */
export const SEED_LABEL = 'Entity';
export const SEED_KEY = 'id';
export const SOURCE_LABEL = 'Source';
/** Full-text indexes the app knows how to query best: the seed's, then those `npm run db:index` creates. */
export const SEED_INDEX = { text: 'entity_text', chinese: 'entity_text_zh' } as const;
export const DB_INDEX = { text: 'explorer_text', chinese: 'explorer_text_zh' } as const;
export const OWN_INDEXES = [SEED_INDEX, DB_INDEX] as const;

export const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;

const ELEMENT_ID = /^\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+$/;

/** Keyed labels in the order an id is chosen: the seed's label first, then by name (stable across loads). */
function keyedLabels(schema: GraphSchema): LabelInfo[] {
  return schema.labels.filter((l) => l.idKey !== null)
    .sort((a, b) => Number(b.label === SEED_LABEL) - Number(a.label === SEED_LABEL) || a.label.localeCompare(b.label));
}

/** Cypher for a node's public id: a key where its label has one, else its elementId. */
export function idExpr(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return `${v}.${SEED_KEY}`;
  const cases = keyedLabels(schema).map((l) => {
    const prop = `${v}.${q(l.idKey!)}`;
    const prefix = l.label === SEED_LABEL && l.idKey === SEED_KEY ? '' : `${JSON.stringify(`${l.label}:`)} + `;
    return `WHEN ${v}:${q(l.label)} AND ${prop} IS NOT NULL THEN ${prefix}toString(${prop})`;
  });
  return cases.length === 0 ? `elementId(${v})` : `CASE ${cases.join(' ')} ELSE elementId(${v}) END`;
}

/** Cypher: true when the node's id is a key (stable), false when it is an elementId. */
export function stableIdExpr(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return 'true';
  const cases = keyedLabels(schema).map((l) => `(${v}:${q(l.label)} AND ${v}.${q(l.idKey!)} IS NOT NULL)`);
  return cases.length === 0 ? 'false' : cases.join(' OR ');
}

/** Cypher for a node's caption (null when its labels have no caption property). */
export function captionExpr(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return `${v}.name`;
  const withCaption = schema.labels.filter((l) => l.caption !== null)
    .sort((a, b) => Number(b.label === SEED_LABEL) - Number(a.label === SEED_LABEL) || b.count - a.count || a.label.localeCompare(b.label));
  if (withCaption.length === 0) return 'null';
  return `CASE ${withCaption.map((l) => `WHEN ${v}:${q(l.label)} AND ${v}.${q(l.caption!)} IS NOT NULL THEN toString(${v}.${q(l.caption!)})`).join(' ')} END`;
}

/** Cypher for a node's type: the seed's `type` property, else its first label. */
export function typeExpr(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return `${v}.type`;
  const first = `head([l IN labels(${v}) WHERE l <> ${JSON.stringify(SEED_LABEL)}] + labels(${v}) + ['Node'])`;
  return schema.seedShape ? `coalesce(CASE WHEN ${v}:${q(SEED_LABEL)} THEN ${v}.type END, ${first})` : first;
}

/**
 * The entity types of a graph, as typeExpr names them: its labels but the seed's own two (a seed
 * entity also carries its type as a label). Sorted by how many entities have them.
 */
export function entityTypeNames(schema: GraphSchema): string[] {
  return schema.labels.filter((l) => l.label !== SEED_LABEL && l.label !== SOURCE_LABEL)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).map((l) => l.label);
}

/** Cypher predicate: the node is explorable (provenance Sources are not). */
export function nodeFilter(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return `${v}:${q(SEED_LABEL)}`;
  return schema.provenance ? `NOT ${v}:${q(SOURCE_LABEL)}` : 'true';
}

/**
 * Cypher for a node's names per interface language (`{en, ru, zh}`, absent ones null): only the
 * seed's entities have them; a graph the app did not seed has its own names and null here.
 */
export function namesExpr(schema: GraphSchema, v: string): string {
  const names = `{en: ${v}.name_en, ru: ${v}.name_ru, zh: ${v}.name_zh}`;
  if (schema.seedOnly) return names;
  return schema.seedShape ? `CASE WHEN ${v}:${q(SEED_LABEL)} THEN ${names} END` : 'null';
}

const SEED_TIME_LIST = `[${SEED_TIME_KEYS.map(([key]) => JSON.stringify(key)).join(', ')}]`;

/**
 * Cypher for the [key, value] pairs a node's or relationship's time is read from (lib/analysis/time.ts
 * chooses among them). The seed's own keys on the seed's entities and their relationships; elsewhere
 * temporal values of any key and short values of date-named keys. Key names are fixed text or the
 * database's own, never user input.
 */
export function timeCandidates(schema: GraphSchema, v: string, kind: 'node' | 'relationship'): string {
  const seed = `[k IN ${SEED_TIME_LIST} WHERE ${v}[k] IS NOT NULL | [k, ${v}[k]]]`;
  if (schema.seedOnly) return seed;
  const value = `${v}[k]`;
  const generic = `[k IN keys(${v}) WHERE (k =~ ${JSON.stringify(DATE_KEY_PATTERN)} AND (${value} IS :: INTEGER OR (${value} IS :: STRING AND size(${value}) <= 40)))
    OR ${value} IS :: DATE OR ${value} IS :: LOCAL DATETIME OR ${value} IS :: ZONED DATETIME | [k, ${value}]]`;
  if (!schema.seedShape) return generic;
  const label = q(SEED_LABEL);
  const isSeed = kind === 'node' ? `${v}:${label}` : `startNode(${v}):${label} AND endNode(${v}):${label}`;
  return `CASE WHEN ${isSeed} THEN ${seed} ELSE ${generic} END`;
}

/** Cypher for a node's evidence grade, which the seed loader computes from its sources; null on any other graph. */
export function evidenceExpr(schema: GraphSchema, v: string): string {
  if (schema.seedOnly) return `${v}.evidence`;
  return schema.seedShape ? `CASE WHEN ${v}:${q(SEED_LABEL)} THEN ${v}.evidence END` : 'null';
}

/** The map every endpoint returns for a node (see RawNode). */
export function nodeProjection(schema: GraphSchema, v: string): string {
  return `{id: ${idExpr(schema, v)}, type: ${typeExpr(schema, v)}, name: ${captionExpr(schema, v)}, names: ${namesExpr(schema, v)}, degree: COUNT { (${v})--() }, time: ${timeCandidates(schema, v, 'node')}, evidence: ${evidenceExpr(schema, v)}}`;
}

/** The map every endpoint returns for a relationship (see RawEdge); sources only where the seed's provenance exists. */
export function edgeProjection(schema: GraphSchema, r: string): string {
  const sources = schema.provenance
    ? `COLLECT { MATCH (s:${q(SOURCE_LABEL)}) WHERE s.id IN coalesce(${r}.sourceIds, []) RETURN properties(s) }`
    : '[]';
  return `{source: ${idExpr(schema, `startNode(${r})`)}, target: ${idExpr(schema, `endNode(${r})`)}, type: type(${r}),
    properties: properties(${r}), sources: ${sources}, time: ${timeCandidates(schema, r, 'relationship')}}`;
}

export type IdLookup = { kind: 'key'; label: string; key: string; value: string | number } | { kind: 'element'; value: string };

/** Every way an id could name a node in this schema; the resolver keeps the node whose id is exactly this one. */
export function idLookups(schema: GraphSchema, id: string): IdLookup[] {
  const out: IdLookup[] = [];
  const seed = schema.labels.find((l) => l.label === SEED_LABEL && l.idKey === SEED_KEY);
  if (seed) out.push({ kind: 'key', label: SEED_LABEL, key: SEED_KEY, value: id });
  const colon = id.indexOf(':');
  if (colon > 0) {
    const label = schema.labels.find((l) => l.label === id.slice(0, colon) && l.idKey !== null);
    const raw = id.slice(colon + 1);
    if (label && label.idKeyKind === 'integer' && /^-?\d{1,15}$/.test(raw)) out.push({ kind: 'key', label: label.label, key: label.idKey!, value: Number(raw) });
    else if (label && label.idKeyKind !== 'integer') out.push({ kind: 'key', label: label.label, key: label.idKey!, value: raw });
  }
  if (ELEMENT_ID.test(id)) out.push({ kind: 'element', value: id });
  return out;
}

export interface ResolveClause {
  /** Cypher that binds `var` to every node named by $ids (no rows when none is). */
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * Finds nodes by public id with index seeks only: one UNWIND per (label, key) and one elementId seek,
 * then keeps the nodes whose id is exactly one asked for (so `Person:Ann` never matches an Entity).
 */
export function resolveClause(schema: GraphSchema, ids: string[], v: string): ResolveClause | null {
  if (schema.seedOnly) return { cypher: `MATCH (${v}:${q(SEED_LABEL)}) WHERE ${v}.${SEED_KEY} IN $ids`, params: { ids } };
  const groups = new Map<string, { label: string; key: string; values: (string | number)[] }>();
  const elements: string[] = [];
  for (const id of ids) {
    for (const lookup of idLookups(schema, id)) {
      if (lookup.kind === 'element') elements.push(lookup.value);
      else {
        const name = `${lookup.label}\u0000${lookup.key}`;
        const group = groups.get(name) ?? { label: lookup.label, key: lookup.key, values: [] };
        group.values.push(lookup.value);
        groups.set(name, group);
      }
    }
  }
  const params: Record<string, unknown> = { ids };
  const branches = [...groups.values()].map((g, i) => {
    params[`keys${i}`] = g.values;
    return `UNWIND $keys${i} AS key MATCH (${v}:${q(g.label)} {${q(g.key)}: key}) RETURN ${v}`;
  });
  if (elements.length > 0) {
    params.elementIds = elements;
    branches.push(`UNWIND $elementIds AS key MATCH (${v}) WHERE elementId(${v}) = key RETURN ${v}`);
  }
  if (branches.length === 0) return null;
  return {
    cypher: `CALL () { ${branches.join(' UNION ')} }
    WITH ${v} WHERE ${idExpr(schema, v)} IN $ids AND ${nodeFilter(schema, v)}`,
    params,
  };
}

/** What a sample of one label's properties looks like, per key. */
export interface KeyStats {
  key: string;
  present: number;
  strings: number;
  avgLength: number | null;
}

const PREFERRED_CAPTIONS = ['name', 'title', 'caption', 'label', 'displayname', 'display_name', 'fullname', 'full_name', 'username', 'login'];

/** Picks a caption property from a sample: a well-known name, else a name-like key, else a short text every node has. */
export function chooseCaption(stats: KeyStats[], sampled: number): string | null {
  const texts = stats.filter((s) => s.strings > 0 && s.strings >= s.present / 2);
  const byPreference = (key: string) => PREFERRED_CAPTIONS.indexOf(key.toLowerCase());
  const preferred = texts.filter((s) => byPreference(s.key) >= 0).sort((a, b) => byPreference(a.key) - byPreference(b.key));
  if (preferred[0]) return preferred[0].key;
  const nameLike = texts.filter((s) => /name|title|label/i.test(s.key)).sort((a, b) => b.present - a.present || a.key.localeCompare(b.key));
  if (nameLike[0]) return nameLike[0].key;
  const short = texts.filter((s) => s.present >= sampled * 0.8 && s.avgLength !== null && s.avgLength <= 80 && !/(^|_)id$|Id$|uuid|url|uri|hash/i.test(s.key))
    .sort((a, b) => b.present - a.present || (a.avgLength ?? 0) - (b.avgLength ?? 0) || a.key.localeCompare(b.key));
  return short[0]?.key ?? null;
}

/** Plain-language notes on what the explorer could not find, for the health answer and the page. */
export function schemaNotes(schema: GraphSchema): string[] {
  const notes: string[] = [];
  if (schema.entities === 0) notes.push('The database is empty: load data (for example `npm run db:seed`) and reload.');
  const noCaption = schema.labels.filter((l) => l.caption === null && l.count > 0 && !(schema.provenance && l.label === SOURCE_LABEL));
  if (noCaption.length > 0) {
    notes.push(`No caption property found for ${noCaption.map((l) => l.label).join(', ')}: their nodes are shown by id (set one in explorer.config.json).`);
  }
  const unkeyed = schema.labels.filter((l) => l.idKey === null && l.count > 0 && !(schema.seedShape && l.label !== SEED_LABEL));
  if (unkeyed.length > 0) {
    notes.push(`No uniqueness constraint on ${unkeyed.map((l) => l.label).join(', ')}: their links use Neo4j element ids, which may change if the database is rebuilt.`);
  }
  return notes;
}
