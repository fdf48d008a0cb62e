import 'server-only';
import { int, readQuery } from '../neo4j/driver';
import { FULLTEXT_INDEX } from '../../graph-seed/load';
import { dedupeSubgraph, toGraphEdge, toGraphNode, toPlain, toProperties, toSources, type RawEdge, type RawNode } from './mappers';
import { MAX_PATH_HOPS } from './limits';
import { buildSearchQueries } from './search-query';
import type { DegreeCount, Language, NeighborPage, NodeDetails, PathResult, SearchHit, SubgraphResult, TypeCount } from './types';

/**
 * The data-access layer: every Cypher statement the app runs, each a named constant with
 * parameters only, run through readQuery (READ routing, timeout). Functions return plain DTOs.
 */

// Projections shared by the queries below, so every endpoint returns nodes and edges alike.
// Degree counts every relationship (Neo4j reads it from the node's store record, no scan); seed
// entities only link to entities, as sources hang off id lists, not relationships.
const NODE_PROJECTION = (v: string) => `{id: ${v}.id, type: ${v}.type, name: ${v}.name, degree: COUNT { (${v})--() }}`;
const EDGE_PROJECTION = (r: string) => `{source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
  properties: properties(${r}), sources: COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(${r}.sourceIds, []) RETURN properties(s) }}`;

// Both full-text indexes are asked separately: Lucene rejects an empty query, and a CJK-only
// input has nothing to ask the Latin/Cyrillic index (and vice versa).
const SEARCH_QUERY = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
  WHERE node:Entity
  RETURN node.id AS id, node.name AS name, node.type AS type, score`;

/** Ranked entities whose names or aliases (en, ru, zh) match the input, typos and prefixes included. */
export async function searchEntities(input: string, limit: number): Promise<SearchHit[]> {
  const { text, chinese } = buildSearchQueries(input);
  const asks: Promise<SearchHit[]>[] = [];
  if (text) asks.push(readQuery<SearchHit>(SEARCH_QUERY, { index: FULLTEXT_INDEX.text, query: text, limit: int(limit) }));
  if (chinese) asks.push(readQuery<SearchHit>(SEARCH_QUERY, { index: FULLTEXT_INDEX.chinese, query: chinese, limit: int(limit) }));
  const best = new Map<string, SearchHit>();
  for (const hit of (await Promise.all(asks)).flat()) {
    const previous = best.get(hit.id);
    if (!previous || previous.score < hit.score) best.set(hit.id, { ...hit, score: Math.round(hit.score * 1000) / 1000 });
  }
  // Prefix matches score alike; then the shorter name is the likelier target ("Chongqing" before its government).
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, limit);
}

const NODE_QUERY = `
  MATCH (n:Entity {id: $id})
  CALL (n) {
    MATCH (n)-[r]-(:Entity)
    WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(*) AS count
    ORDER BY type, direction
    RETURN collect({type: type, direction: direction, count: count}) AS degreeByType
  }
  RETURN ${NODE_PROJECTION('n')} AS node, properties(n) AS props, degreeByType,
    COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(n.sourceIds, []) RETURN properties(s) } AS sources`;

const NODE_OMIT = new Set(['id', 'type', 'name', 'description', 'sourceIds', 'dataset',
  'name_en', 'name_ru', 'name_zh', 'aliases_en', 'aliases_ru', 'aliases_zh', 'search_en', 'search_ru', 'search_zh']);

/** One entity with all its names, properties, degree by relationship type and sources; null when unknown. */
export async function getNode(id: string): Promise<NodeDetails | null> {
  const [row] = await readQuery<{ node: RawNode; props: Record<string, unknown>; degreeByType: unknown; sources: unknown }>(NODE_QUERY, { id });
  if (!row) return null;
  const props = row.props;
  const names: NodeDetails['names'] = {};
  const aliases: NodeDetails['aliases'] = {};
  for (const lang of ['en', 'ru', 'zh'] as const satisfies Language[]) {
    const name = props[`name_${lang}`];
    const list = props[`aliases_${lang}`];
    if (typeof name === 'string') names[lang] = name;
    if (Array.isArray(list)) aliases[lang] = list.map(String);
  }
  return {
    ...toGraphNode(row.node),
    names,
    aliases,
    description: typeof props.description === 'string' ? props.description : null,
    properties: toProperties(props, NODE_OMIT),
    degreeByType: toPlain(row.degreeByType) as DegreeCount[],
    sources: toSources(row.sources),
  };
}

// Paged in a stable order (relationship type, then neighbour name) so "+N more" pages never overlap.
const NEIGHBORS_QUERY = `
  MATCH (n:Entity {id: $id})
  CALL (n) {
    MATCH (n)-[r]-(m:Entity)
    WITH type(r) AS relType, m.type AS entityType, count(*) AS count
    RETURN collect({relType: relType, entityType: entityType, count: count}) AS breakdown
  }
  CALL (n) {
    MATCH (n)-[r]-(m:Entity)
    WHERE ($relType IS NULL OR type(r) = $relType) AND ($entityType IS NULL OR m.type = $entityType)
    WITH r, m ORDER BY type(r), m.name, m.id SKIP $skip LIMIT $limit
    RETURN collect(${NODE_PROJECTION('m')}) AS nodes, collect(${EDGE_PROJECTION('r')}) AS edges
  }
  RETURN ${NODE_PROJECTION('n')} AS node, breakdown, nodes, edges`;

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
  const [row] = await readQuery<{ node: RawNode; breakdown: unknown; nodes: RawNode[]; edges: RawEdge[] }>(NEIGHBORS_QUERY, {
    id, skip: int(options.offset), limit: int(options.limit), relType: options.relType ?? null, entityType: options.entityType ?? null,
  });
  if (!row) return null;
  const breakdown = toPlain(row.breakdown) as { relType: string; entityType: string; count: number }[];
  const matching = breakdown.filter((b) => (!options.relType || b.relType === options.relType)
    && (!options.entityType || b.entityType === options.entityType));
  const page = dedupeSubgraph([toGraphNode(row.node), ...row.nodes.map(toGraphNode)], row.edges.map(toGraphEdge));
  return {
    id,
    ...page,
    total: matching.reduce((sum, b) => sum + b.count, 0),
    offset: options.offset,
    limit: options.limit,
    byRelationshipType: tally(breakdown.map((b) => ({ key: b.relType, count: b.count }))),
    byEntityType: tally(breakdown.map((b) => ({ key: b.entityType, count: b.count }))),
  };
}

const SUBGRAPH_QUERY = `
  MATCH (n:Entity) WHERE n.id IN $ids
  WITH collect(n) AS found
  CALL (found) {
    UNWIND found AS a
    MATCH (a)-[r]->(b:Entity) WHERE b.id IN $ids
    RETURN collect(${EDGE_PROJECTION('r')}) AS edges
  }
  RETURN [n IN found | ${NODE_PROJECTION('n')}] AS nodes, edges`;

/** The given entities and every relationship among them; unknown ids are listed, not fatal. */
export async function getSubgraph(ids: string[]): Promise<SubgraphResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { nodes: [], edges: [], missing: [] };
  const [row] = await readQuery<{ nodes: RawNode[]; edges: RawEdge[] }>(SUBGRAPH_QUERY, { ids: unique });
  const sub = dedupeSubgraph((row?.nodes ?? []).map(toGraphNode), (row?.edges ?? []).map(toGraphEdge));
  const found = new Set(sub.nodes.map((n) => n.id));
  return { ...sub, missing: unique.filter((id) => !found.has(id)) };
}



// Hops are bounded (MAX_PATH_HOPS, interpolated as a checked integer) so a search cannot run away.
const pathQuery = (maxHops: number) => `
  OPTIONAL MATCH (a:Entity {id: $from})
  OPTIONAL MATCH (b:Entity {id: $to})
  CALL (a, b) {
    MATCH p = shortestPath((a)-[*..${maxHops}]-(b))
    WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND all(x IN nodes(p) WHERE x:Entity)
    RETURN [x IN nodes(p) | ${NODE_PROJECTION('x')}] AS nodes, [r IN relationships(p) | ${EDGE_PROJECTION('r')}] AS edges
    UNION
    RETURN null AS nodes, null AS edges
  }
  WITH a, b, nodes, edges ORDER BY nodes IS NULL
  RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, head(collect({nodes: nodes, edges: edges})) AS path`;

export type PathOutcome = { kind: 'ok'; result: PathResult } | { kind: 'unknown'; missing: string[] };

/** A shortest path (any direction) between two entities within maxHops relationships. */
export async function getShortestPath(from: string, to: string, maxHops: number): Promise<PathOutcome> {
  const hops = Math.max(1, Math.min(MAX_PATH_HOPS, Math.trunc(maxHops)));
  const [row] = await readQuery<{ hasFrom: boolean; hasTo: boolean; path: { nodes: RawNode[] | null; edges: RawEdge[] | null } }>(
    pathQuery(hops), { from, to });
  const missing = [...(row?.hasFrom ? [] : [from]), ...(row?.hasTo ? [] : [to])];
  if (!row || missing.length > 0) return { kind: 'unknown', missing };
  if (from === to) {
    const self = await getSubgraph([from]);
    return { kind: 'ok', result: { from, to, nodes: self.nodes, edges: [], length: 0, maxHops: hops } };
  }
  const nodes = (row.path.nodes ?? []).map(toGraphNode);
  const edges = (row.path.edges ?? []).map(toGraphEdge);
  return { kind: 'ok', result: { from, to, nodes, edges, length: row.path.nodes ? edges.length : null, maxHops: hops } };
}

const HEALTH_QUERY = 'MATCH (n:Entity) RETURN count(n) AS entities';

/** Proves the database answers a read; the entity count tells a seeded database from an empty one. */
export async function checkHealth(): Promise<{ status: 'ok'; entities: number }> {
  const [row] = await readQuery<{ entities: unknown }>(HEALTH_QUERY, {});
  return { status: 'ok', entities: Number(toPlain(row?.entities) ?? 0) };
}
