import 'server-only';
import { int, readQuery } from './driver';
import { dedupeSubgraph, EVIDENCE_KEYS, toEvidence, toGraphEdge, toGraphNode, toPlain, toProperties, toSources, type RawEdge, type RawNode } from './mappers';
import { MAX_PATH_HOPS } from '../graph/limits';
import { pageSegments, type TypeDegree } from '../graph/neighbor-pages';
import {
  captionExpr, edgeProjection, idExpr, nodeFilter, nodeProjection, q, resolveClause, schemaNotes, SEED_LABEL, SOURCE_LABEL, stableIdExpr, typeExpr,
  type GraphSchema,
} from '../graph/schema-model';
import { getSchema } from './schema';
import { searchGraph } from './search';
import { LANGUAGES, type DegreeCount, type EntitiesResult, type EntityRecord, type NeighborPage, type NodeDetails, type SearchHit, type SearchResult, type SubgraphResult, type TypeCount } from '../graph/types';

/**
 * The data-access layer: every Cypher statement the app runs, built from the discovered schema
 * (schema-model.ts) with parameters only, run through readQuery (READ routing, timeout). Works on
 * the seed and on any other Neo4j graph; functions return plain DTOs.
 */

/** Ranked entities for the input, with how the database could be searched (see search.ts). */
export async function search(input: string, limit: number): Promise<SearchResult> {
  return searchGraph(await getSchema(), input, limit);
}

/** Ranked entities whose names match the input (the hits of `search`). */
export async function searchEntities(input: string, limit: number): Promise<SearchHit[]> {
  return (await search(input, limit)).hits;
}

/** Past this many relationships a node's counts come from the degree store, not from reading them. */
const BREAKDOWN_LIMIT = 5_000;
/** Relationship types per degree-store query: many COUNT subqueries in one statement make planning slow. */
const TYPES_PER_QUERY = 8;

const BY_ELEMENT = 'MATCH (n) WHERE elementId(n) = $element';

// A node with few relationships: read them once, by type, direction and neighbour type.
const scanQuery = (schema: GraphSchema) => `
  ${BY_ELEMENT}
  MATCH (n)-[r]-(m) WHERE ${nodeFilter(schema, 'm')}
  RETURN type(r) AS relType, startNode(r) = n AS out, ${typeExpr(schema, 'm')} AS entityType, count(*) AS count`;

// A hub: per type and direction from the degree store, cheap however many relationships it has.
const degreeQuery = (types: string[]) => `
  ${BY_ELEMENT}
  RETURN [${types.map((t) => `[COUNT { (n)-[:${q(t)}]->() }, COUNT { (n)<-[:${q(t)}]-() }]`).join(', ')}] AS counts`;

interface Degrees {
  degrees: TypeDegree[];
  /** Counts by relationship type and neighbour type; null for a hub (it would mean reading every relationship). */
  breakdown: { relType: string; entityType: string; count: number }[] | null;
}

/** Relationship counts of one node (by element id), by the cheapest route its degree allows. */
async function countRelationships(schema: GraphSchema, element: string, degree: number): Promise<Degrees> {
  if (degree <= BREAKDOWN_LIMIT) {
    const rows = toPlain(await readQuery(scanQuery(schema), { element })) as { relType: string; out: boolean; entityType: string; count: number }[];
    const byType = new Map<string, TypeDegree>();
    for (const row of rows) {
      const d = byType.get(row.relType) ?? { type: row.relType, out: 0, in: 0 };
      if (row.out) d.out += row.count;
      else d.in += row.count;
      byType.set(row.relType, d);
    }
    return { degrees: [...byType.values()], breakdown: rows };
  }
  const chunks: string[][] = [];
  for (let i = 0; i < schema.relationshipTypes.length; i += TYPES_PER_QUERY) chunks.push(schema.relationshipTypes.slice(i, i + TYPES_PER_QUERY));
  const answers = await Promise.all(chunks.map((types) => readQuery<{ counts: unknown }>(degreeQuery(types), { element })));
  const degrees = chunks.flatMap((types, c) => {
    const counts = (toPlain(answers[c]?.[0]?.counts) as [number, number][] | null) ?? [];
    return types.map((type, i) => ({ type, out: counts[i]?.[0] ?? 0, in: counts[i]?.[1] ?? 0 }));
  }).filter((d) => d.out + d.in > 0);
  return { degrees, breakdown: null };
}

// A node's own record: its projection, every property, and the sources behind it. The properties
// come as a map projection, not properties(n): in a statement that also tests a key for null (the
// id expression), Neo4j 5.26 answered properties(n) with `true` for that key ({name: true}).
const recordFields = (schema: GraphSchema, v: string) => `${nodeProjection(schema, v)} AS node, ${v} {.*} AS props,
    ${schema.seedShape ? `${v}:${q(SEED_LABEL)}` : 'false'} AS seeded,
    ${schema.provenance ? `COLLECT { MATCH (s:${q(SOURCE_LABEL)}) WHERE s.id IN coalesce(${v}.sourceIds, []) RETURN properties(s) }` : '[]'} AS sources`;

const nodeQuery = (schema: GraphSchema, resolve: string) => `
  ${resolve}
  RETURN ${recordFields(schema, 'n')}, elementId(n) AS element, ${stableIdExpr(schema, 'n')} AS stable
  LIMIT 1`;

const SEED_OMIT = new Set(['id', 'type', 'name', 'description', 'sourceIds', 'dataset', ...EVIDENCE_KEYS,
  'name_en', 'name_ru', 'name_zh', 'aliases_en', 'aliases_ru', 'aliases_zh', 'search_en', 'search_ru', 'search_zh']);
const NOTHING = new Set<string>();

const ELEMENT_ID_NOTE = 'This entity has no key property, so its id is a Neo4j element id: links to it may break if the database is rebuilt.';

interface RecordRow { node: RawNode; props: Record<string, unknown>; seeded: boolean; sources: unknown }

/** A row of recordFields -> the entity's names, description, properties and sources. */
function toEntityRecord(row: RecordRow): EntityRecord {
  const props = row.props;
  const { claims } = row.seeded ? toEvidence(props) : {};
  const names: EntityRecord['names'] = {};
  const aliases: EntityRecord['aliases'] = {};
  for (const lang of LANGUAGES) {
    const name = props[`name_${lang}`];
    const list = props[`aliases_${lang}`];
    if (row.seeded && typeof name === 'string') names[lang] = name;
    if (row.seeded && Array.isArray(list)) aliases[lang] = list.map(String);
  }
  return {
    ...toGraphNode(row.node),
    names,
    aliases,
    description: row.seeded && typeof props.description === 'string' ? props.description : null,
    // Another graph's properties are shown as they are; the seed's own bookkeeping keys are not.
    properties: toProperties(props, row.seeded ? SEED_OMIT : NOTHING),
    sources: toSources(row.sources),
    ...(claims ? { claims } : {}),
  };
}

/** One entity with all its names, properties, degree by relationship type and sources; null when unknown. */
export async function getNode(id: string): Promise<NodeDetails | null> {
  const schema = await getSchema();
  const resolve = resolveClause(schema, [id], 'n');
  if (!resolve) return null;
  const [row] = await readQuery<RecordRow & { element: string; stable: boolean }>(nodeQuery(schema, resolve.cypher), resolve.params);
  if (!row) return null;
  const record = toEntityRecord(row);
  const { degrees } = await countRelationships(schema, row.element, record.degree);
  const degreeByType: DegreeCount[] = [...degrees].sort((a, b) => a.type.localeCompare(b.type)).flatMap((d) => [
    ...(d.in > 0 ? [{ type: d.type, direction: 'in' as const, count: d.in }] : []),
    ...(d.out > 0 ? [{ type: d.type, direction: 'out' as const, count: d.out }] : []),
  ]);
  return {
    ...record,
    degreeByType,
    idKind: row.stable ? 'key' : 'elementId',
    ...(row.stable ? {} : { idNote: ELEMENT_ID_NOTE }),
  };
}

// Many entities' records at once (an export of the view): index seeks by id, one row each.
const entitiesQuery = (schema: GraphSchema, resolve: string) => `
  ${resolve}
  RETURN ${recordFields(schema, 'n')}`;

/** Names, properties and sources of the given entities, sorted by id; unknown ids are listed, not fatal. */
export async function getEntities(ids: string[]): Promise<EntitiesResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { entities: [], missing: [] };
  const schema = await getSchema();
  const resolve = resolveClause(schema, unique, 'n');
  const rows = resolve ? await readQuery<RecordRow>(entitiesQuery(schema, resolve.cypher), resolve.params) : [];
  const byId = new Map(rows.map(toEntityRecord).map((e) => [e.id, e]));
  const entities = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, missing: unique.filter((id) => !byId.has(id)) };
}

const headQuery = (schema: GraphSchema, resolve: string) => `
  ${resolve}
  RETURN ${nodeProjection(schema, 'n')} AS node, elementId(n) AS element LIMIT 1`;

// A node of modest degree: one statement, sorted by type and name (at most BREAKDOWN_LIMIT rows read).
const smallPageQuery = (schema: GraphSchema) => `
  ${BY_ELEMENT}
  CALL (n) {
    MATCH (n)-[r]-(m) WHERE ${nodeFilter(schema, 'm')} AND ($relType IS NULL OR type(r) = $relType)
    WITH r, m ORDER BY type(r), ${captionExpr(schema, 'm')}, ${idExpr(schema, 'm')} SKIP $skip LIMIT $limit
    RETURN collect(m) AS ms, collect(r) AS rs
  }
  RETURN [m IN ms | ${nodeProjection(schema, 'm')}] AS nodes, [r IN rs | ${edgeProjection(schema, 'r')}] AS edges`;

// A hub: one statement per relationship type the page touches. A type with few relationships is
// sorted by name; a larger one is read in the database's own stable order, so a page costs its
// offset within one type, never the hub's full degree (no sort over 100,000 rows).
const hubPageQuery = (schema: GraphSchema, type: string, sorted: boolean) => `
  ${BY_ELEMENT}
  CALL (n) {
    MATCH (n)-[r:${q(type)}]-(m) WHERE ${nodeFilter(schema, 'm')}
    WITH r, m ${sorted ? `ORDER BY ${captionExpr(schema, 'm')}, ${idExpr(schema, 'm')}` : ''} SKIP $skip LIMIT $limit
    RETURN collect(m) AS ms, collect(r) AS rs
  }
  RETURN [m IN ms | ${nodeProjection(schema, 'm')}] AS nodes, [r IN rs | ${edgeProjection(schema, 'r')}] AS edges`;

// Filtering by neighbour type has to look at every neighbour: bounded by the query timeout.
const filteredPageQuery = (schema: GraphSchema) => `
  ${BY_ELEMENT}
  CALL (n) {
    MATCH (n)-[r]-(m) WHERE ${nodeFilter(schema, 'm')} AND ($relType IS NULL OR type(r) = $relType) AND ${typeExpr(schema, 'm')} = $entityType
    WITH r, m ORDER BY type(r), ${captionExpr(schema, 'm')}, ${idExpr(schema, 'm')}
    WITH collect({r: r, m: m}) AS rows
    RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS page
  }
  // A pattern needs a plain variable (COUNT { (m)--() }), so the page's rows are unpacked first.
  WITH total, [row IN page | row.m] AS ms, [row IN page | row.r] AS rs
  RETURN total, [m IN ms | ${nodeProjection(schema, 'm')}] AS nodes, [r IN rs | ${edgeProjection(schema, 'r')}] AS edges`;

interface NeighborOptions {
  limit: number;
  offset: number;
  relType?: string | undefined;
  entityType?: string | undefined;
}

function tally(rows: { key: string; count: number }[]): TypeCount[] {
  const counts = new Map<string, number>();
  for (const { key, count } of rows) counts.set(key, (counts.get(key) ?? 0) + count);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** One hop around an entity, one page at a time, with totals by type; null when the id is unknown. */
export async function getNeighbors(id: string, options: NeighborOptions): Promise<NeighborPage | null> {
  const schema = await getSchema();
  const resolve = resolveClause(schema, [id], 'n');
  if (!resolve) return null;
  const [head] = await readQuery<{ node: RawNode; element: string }>(headQuery(schema, resolve.cypher), resolve.params);
  if (!head) return null;
  const self = toGraphNode(head.node);
  const { degrees, breakdown } = await countRelationships(schema, head.element, self.degree);

  let total: number;
  let raw: { nodes: RawNode[]; edges: RawEdge[] };
  if (options.entityType) {
    const [row] = await readQuery<{ total: unknown; nodes: RawNode[]; edges: RawEdge[] }>(filteredPageQuery(schema), {
      element: head.element, relType: options.relType ?? null, entityType: options.entityType, skip: int(options.offset), limit: int(options.limit),
    });
    total = Number(toPlain(row?.total) ?? 0);
    raw = { nodes: row?.nodes ?? [], edges: row?.edges ?? [] };
  } else {
    const chosen = degrees.filter((d) => !options.relType || d.type === options.relType);
    total = chosen.reduce((sum, d) => sum + d.out + d.in, 0);
    type Rows = { nodes: RawNode[]; edges: RawEdge[] };
    const answers = breakdown
      ? [await readQuery<Rows>(smallPageQuery(schema), {
        element: head.element, relType: options.relType ?? null, skip: int(options.offset), limit: int(options.limit),
      })]
      : await Promise.all(pageSegments(chosen, options.offset, options.limit).map((s) =>
        readQuery<Rows>(hubPageQuery(schema, s.type, s.sorted), { element: head.element, skip: int(s.skip), limit: int(s.take) })));
    const rows = answers.flat();
    raw = { nodes: rows.flatMap((r) => r.nodes), edges: rows.flatMap((r) => r.edges) };
  }
  const page = dedupeSubgraph([self, ...raw.nodes.map(toGraphNode)], raw.edges.map(toGraphEdge));
  return {
    id,
    ...page,
    total,
    offset: options.offset,
    limit: options.limit,
    byRelationshipType: tally(degrees.map((d) => ({ key: d.type, count: d.out + d.in }))),
    byEntityType: breakdown ? tally(breakdown.map((b) => ({ key: b.entityType, count: b.count }))) : [],
    ...(breakdown ? {} : { byEntityTypeNote: `Not counted by neighbour type: more than ${BREAKDOWN_LIMIT.toLocaleString('en-US')} relationships.` }),
  };
}

/** Above this many outgoing relationships a node's edges within a view are found from the other side. */
const DENSE = 1_000;

const subgraphQuery = (schema: GraphSchema, resolve: string) => `
  ${resolve}
  WITH collect(DISTINCT n) AS found
  CALL (found) {
    UNWIND found AS a
    CALL (a, found) {
      WITH a, found WHERE COUNT { (a)-->() } <= ${DENSE}
      MATCH (a)-[r]->(b) WHERE b IN found RETURN r
      UNION
      WITH a, found WHERE COUNT { (a)-->() } > ${DENSE}
      UNWIND found AS b MATCH (a)-[r]->(b) RETURN r
    }
    RETURN collect(${edgeProjection(schema, 'r')}) AS edges
  }
  RETURN [x IN found | ${nodeProjection(schema, 'x')}] AS nodes, edges`;

/** The given entities and every relationship among them; unknown ids are listed, not fatal. */
export async function getSubgraph(ids: string[]): Promise<SubgraphResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { nodes: [], edges: [], missing: [] };
  const schema = await getSchema();
  const resolve = resolveClause(schema, unique, 'n');
  const [row] = resolve ? await readQuery<{ nodes: RawNode[]; edges: RawEdge[] }>(subgraphQuery(schema, resolve.cypher), resolve.params) : [];
  const sub = dedupeSubgraph((row?.nodes ?? []).map(toGraphNode), (row?.edges ?? []).map(toGraphEdge));
  const found = new Set(sub.nodes.map((n) => n.id));
  return { ...sub, missing: unique.filter((id) => !found.has(id)) };
}

export interface Health {
  status: 'ok';
  entities: number;
  relationships: number;
  /** The project's own seed shape, or another graph explored through discovery. */
  graph: 'seed' | 'discovered';
  labels: { label: string; count: number; caption: string | null; idKey: string | null }[];
  relationshipTypes: string[];
  search: SearchResult['mode'];
  notes: string[];
}

const LIVE_QUERY = 'MATCH (n) RETURN count(n) AS nodes';

/** Proves the database answers (a live count-store read); says what the explorer found in it and what it could not. */
export async function checkHealth(): Promise<Health> {
  await readQuery(LIVE_QUERY, {});
  const schema = await getSchema();
  const { mode } = await searchGraph(schema, '', 1);
  return {
    status: 'ok',
    entities: schema.entities,
    relationships: schema.relationships,
    graph: schema.seedShape ? 'seed' : 'discovered',
    labels: schema.labels.map(({ label, count, caption, idKey }) => ({ label, count, caption, idKey })),
    relationshipTypes: schema.relationshipTypes,
    search: mode,
    notes: schemaNotes(schema),
  };
}

// The best-connected of the first nodes of the most populous label: a sensible first view of a
// graph the app did not seed, found with a bounded label scan (never a scan of the whole graph).
const startQuery = (schema: GraphSchema, label: string) => `
  MATCH (n:${q(label)}) WHERE ${nodeFilter(schema, 'n')}
  WITH n LIMIT 200
  WITH n ORDER BY COUNT { (n)--() } DESC LIMIT 1
  RETURN ${idExpr(schema, 'n')} AS id`;

/** An entity to open on when the seed's starting entity is absent; null for an empty database. */
export async function getStartEntity(): Promise<string | null> {
  const schema = await getSchema();
  const label = [...schema.labels].filter((l) => l.count > 0 && !(schema.provenance && l.label === 'Source'))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))[0];
  if (!label) return null;
  const [row] = await readQuery<{ id: string }>(startQuery(schema, label.label), {});
  return row?.id ?? null;
}
