import 'server-only';
import { timeSummary } from '../analysis/visibility';
import { HUB_DEGREE, MAX_PATH_COUNT, rankPaths, type CandidatePath, type PathOptions, type PathsResult, type RankedPath } from '../graph/paths';
import { MAX_PATH_HOPS } from '../graph/limits';
import { edgeProjection, entityTypeNames, idExpr, nodeFilter, nodeProjection, q, resolveClause, typeExpr, type GraphSchema } from '../graph/schema-model';
import type { Locale } from '../i18n/locales';
import { pathReading } from '../i18n/path-reading';
import { labellerFor, translatorFor } from '../i18n/translate';
import { readQuery } from './driver';
import { toGraphEdge, toGraphNode, type RawEdge, type RawNode } from './mappers';
import { getSchema } from './schema';
import { getSubgraph } from './queries';

/**
 * Ranked paths between two entities (see lib/graph/paths.ts for the order). Candidates come from
 * Neo4j's bidirectional breadth-first search, `allShortestPaths`, with the options as predicates on
 * every step that the search checks as it goes (the plan has no exhaustive fallback). Each round
 * reads the paths of the shortest length left, at most CANDIDATES_PER_PATH times k of them; while
 * fewer than k distinct routes are found, the next round leaves out the entities those routes pass
 * through (and a direct link's relationship), so every further round adds another way round, not
 * the same way with one step changed. At most k rounds, each under the query timeout.
 *
 * Not `SHORTEST k` over a quantified path pattern: on the million-entity benchmark graph it ran for
 * minutes past its transaction's timeout (Neo4j 5.26 marks it terminated and it keeps running, then
 * fails on memory), where this search answers in 10-1,400 ms (bench/results.md, "A million entities").
 *
 * A time range is judged in JavaScript by the same code as the view's time filter: relationships
 * and inner entities out of range are excluded and the search runs again (at most TIME_ROUNDS times).
 */

/** Candidate paths read per path asked for. */
export const CANDIDATES_PER_PATH = 20;
const TIME_ROUNDS = 4;

export type PathsOutcome =
  | { kind: 'ok'; result: PathsResult }
  | { kind: 'invalid'; error: 'unknown_id' | 'unknown_type' | 'unknown_entity_type'; message: string; missing?: string[]; unknownTypes?: string[] };

const endsQuery = (schema: GraphSchema, resolve: string) => `
  ${resolve}
  RETURN ${idExpr(schema, 'n')} AS id, elementId(n) AS element`;

interface Exclusions { nodes: string[]; relationships: string[] }

// The step predicate holds on every relationship and on every entity but the two ends (either may
// be a hub the reader asked for). Type names come from the schema (checked) and are quoted; the hop
// and count bounds are checked integers; everything else is a parameter.
const candidatesQuery = (schema: GraphSchema, options: PathOptions) => {
  const types = options.types.length > 0 ? `:${options.types.map(q).join('|')}` : '';
  const inner = [
    nodeFilter(schema, 'x'),
    'NOT elementId(x) IN $avoidNodes',
    `NOT ${typeExpr(schema, 'x')} IN $avoidTypes`,
    ...(options.avoidHubs ? [`COUNT { (x)--() } <= ${HUB_DEGREE}`] : []),
  ].join(' AND ');
  return `
  MATCH (a) WHERE elementId(a) = $from
  MATCH (b) WHERE elementId(b) = $to
  MATCH p = allShortestPaths((a)-[${types}*1..${options.maxHops}]-(b))
  WHERE all(r IN relationships(p) WHERE NOT elementId(r) IN $avoidRelationships)
    AND all(x IN nodes(p) WHERE x = a OR x = b OR (${inner}))
  RETURN [x IN nodes(p) | elementId(x)] AS nodes, [r IN relationships(p) | elementId(r)] AS relationships
  LIMIT ${options.k * CANDIDATES_PER_PATH}`;
};

interface Row { nodes: string[]; relationships: string[] }

/** The candidates' rows, round by round, until k distinct routes (sequences of entities) or none left. */
async function searchRows(schema: GraphSchema, options: PathOptions, params: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  const routes = new Set<string>();
  const used: Exclusions = { nodes: [], relationships: [] };
  for (let round = 0; round < options.k && routes.size < options.k; round++) {
    const found = await readQuery<Row>(candidatesQuery(schema, options), {
      ...params,
      avoidNodes: [...(params.avoidNodes as string[]), ...used.nodes],
      avoidRelationships: [...(params.avoidRelationships as string[]), ...used.relationships],
    });
    if (found.length === 0) break;
    for (const row of found) {
      rows.push(row);
      routes.add(row.nodes.join('\u0000'));
      const inner = row.nodes.slice(1, -1);
      if (inner.length > 0) used.nodes.push(...inner);
      else used.relationships.push(...row.relationships);
    }
  }
  return rows;
}

// The candidates' entities and relationships, each read once by element id (a seek): the search
// above stays small to plan and to answer, and these two statements are the same for every search.
const nodesQuery = (schema: GraphSchema) => `
  UNWIND $elements AS element MATCH (x) WHERE elementId(x) = element
  RETURN element, ${nodeProjection(schema, 'x')} AS node`;
const relationshipsQuery = (schema: GraphSchema) => `
  UNWIND $elements AS element MATCH ()-[r]->() WHERE elementId(r) = element
  RETURN element, ${edgeProjection(schema, 'r')} AS edge`;

/** Candidate paths with their entities and relationships, as element ids and as DTOs. */
async function readCandidates(schema: GraphSchema, options: PathOptions, params: Record<string, unknown>) {
  const rows = await searchRows(schema, options, params);
  const [nodes, relationships] = await Promise.all([
    readQuery<{ element: string; node: RawNode }>(nodesQuery(schema), { elements: [...new Set(rows.flatMap((r) => r.nodes))] }),
    readQuery<{ element: string; edge: RawEdge }>(relationshipsQuery(schema), { elements: [...new Set(rows.flatMap((r) => r.relationships))] }),
  ]);
  const node = new Map(nodes.map((n) => [n.element, toGraphNode(n.node)]));
  const edge = new Map(relationships.map((r) => [r.element, toGraphEdge(r.edge)]));
  return rows.map((row) => ({ row, nodes: row.nodes.map((e) => node.get(e)!), edges: row.relationships.map((e) => edge.get(e)!) }))
    .filter((p) => p.nodes.every(Boolean) && p.edges.every(Boolean));
}

/** Candidates that honour the time range; what fails it is excluded and the search repeated. */
async function candidates(schema: GraphSchema, options: PathOptions, params: Record<string, unknown>): Promise<CandidatePath[]> {
  const excluded: Exclusions = { nodes: [], relationships: [] };
  for (let round = 0; ; round++) {
    const paths = await readCandidates(schema, options, {
      ...params, avoidNodes: [...(params.avoidNodes as string[]), ...excluded.nodes], avoidRelationships: excluded.relationships,
    });
    if (!options.time && options.undated === 'show') return paths;
    const fresh: Exclusions = { nodes: [], relationships: [] };
    const kept = paths.filter(({ nodes, edges, row }) => {
      const inner = { nodes: nodes.slice(1, -1), edges };
      const hidden = timeSummary(inner, { range: options.time, undated: options.undated }).hidden;
      inner.nodes.forEach((n, i) => hidden.has(n.id) && fresh.nodes.push(row.nodes[i + 1]!));
      edges.forEach((e, i) => hidden.has(e.id) && fresh.relationships.push(row.relationships[i]!));
      return hidden.size === 0;
    });
    if (fresh.nodes.length + fresh.relationships.length === 0 || kept.length >= options.k * 4 || round + 1 >= TIME_ROUNDS) return kept;
    excluded.nodes.push(...new Set(fresh.nodes));
    excluded.relationships.push(...new Set(fresh.relationships));
  }
}

/** Readings in one language, as the path finder shows them. */
export function readPaths(paths: Omit<RankedPath, 'reading'>[], locale: Locale): RankedPath[] {
  const labels = labellerFor(locale);
  const t = translatorFor(locale, 'panels');
  return paths.map((p) => ({ ...p, reading: pathReading(p, labels, (key, values) => t(`path.reading.${key}`, values)) }));
}

/**
 * Up to `options.k` ranked paths between two entities. Unknown ids (ends or ids to avoid),
 * relationship types and entity types to avoid that the graph does not have are refused with a
 * message naming them.
 */
export async function findPaths(from: string, to: string, options: PathOptions, locale: Locale): Promise<PathsOutcome> {
  const schema = await getSchema();
  const unknownTypes = options.types.filter((t) => !schema.relationshipTypes.includes(t));
  if (unknownTypes.length > 0) {
    return { kind: 'invalid', error: 'unknown_type', unknownTypes,
      message: `Unknown relationship type: ${unknownTypes.join(', ')}. This graph has ${schema.relationshipTypes.slice(0, 20).join(', ')}${schema.relationshipTypes.length > 20 ? ', ...' : ''}.` };
  }
  const avoidIds = options.avoid.filter((a) => a.includes(':'));
  const avoidTypes = options.avoid.filter((a) => !a.includes(':'));
  const known = entityTypeNames(schema);
  const unknownEntityTypes = avoidTypes.filter((t) => !known.includes(t));
  if (unknownEntityTypes.length > 0) {
    return { kind: 'invalid', error: 'unknown_entity_type', unknownTypes: unknownEntityTypes,
      message: `Unknown entity type to avoid: ${unknownEntityTypes.join(', ')}. This graph has ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}.` };
  }
  const wanted = [...new Set([from, to, ...avoidIds])];
  const resolve = resolveClause(schema, wanted, 'n');
  const ends = resolve ? await readQuery<{ id: string; element: string }>(endsQuery(schema, resolve.cypher), resolve.params) : [];
  const element = new Map(ends.map((e) => [e.id, e.element]));
  const missing = wanted.filter((id) => !element.has(id));
  if (missing.length > 0) return { kind: 'invalid', error: 'unknown_id', missing, message: `Unknown entity id: ${missing.join(', ')}.` };

  const k = Math.max(1, Math.min(MAX_PATH_COUNT, Math.trunc(options.k)));
  const maxHops = Math.max(1, Math.min(MAX_PATH_HOPS, Math.trunc(options.maxHops)));
  const checked: PathOptions = { ...options, k, maxHops };
  const answer = (paths: RankedPath[]): PathsOutcome => {
    const reason = paths.length > 0 ? null : options.types.length + options.avoid.length > 0 || options.avoidHubs || options.time || options.undated === 'hide'
      ? 'none_with_options' as const : 'none_within_hops' as const;
    const message = reason === null ? null
      : `No path within ${maxHops} relationships${reason === 'none_with_options' ? ' with these options' : ''}.`;
    return { kind: 'ok', result: { from, to, options: checked, paths, reason, message } };
  };
  if (from === to) {
    const self = await getSubgraph([from]);
    return answer(readPaths(rankPaths([{ nodes: self.nodes, edges: [] }], 1, schema.provenance), locale));
  }
  const found = await candidates(schema, checked, {
    from: element.get(from), to: element.get(to),
    avoidNodes: avoidIds.filter((id) => id !== from && id !== to).map((id) => element.get(id)!),
    avoidTypes,
  });
  return answer(readPaths(rankPaths(found, k, schema.provenance), locale));
}
