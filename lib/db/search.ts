import 'server-only';
import { int, readQuery } from './driver';
import { toNames, toPlain } from './mappers';
import { captionExpr, idExpr, namesExpr, nodeFilter, OWN_INDEXES, q, SOURCE_LABEL, typeExpr, type GraphSchema, type LabelInfo } from '../graph/schema-model';
import { buildSearchQueries, MAX_SEARCH_LENGTH } from '../graph/search-query';
import type { SearchHit, SearchResult } from '../graph/types';

/**
 * Search on any database, best method first: the app's own full-text indexes (the seed's, or
 * those `npm run db:index` creates), else the database's other full-text indexes, else a bounded
 * prefix/substring match on each label's caption that uses a TEXT or RANGE index where one exists.
 */

/** Nodes of one label looked at, at most, when no index serves its caption. */
const SCAN_LIMIT = 20_000;
/** Labels searched, at most, by the fallback (the most populous first). */
const MAX_FALLBACK_LABELS = 25;

const hitProjection = (schema: GraphSchema, v: string) =>
  `${idExpr(schema, v)} AS id, coalesce(${captionExpr(schema, v)}, ${idExpr(schema, v)}) AS name, ${namesExpr(schema, v)} AS names, ${typeExpr(schema, v)} AS type`;

/** The full-text query for a schema, built once per discovered schema (it is the same text for every search). */
const fulltextQueries = new WeakMap<GraphSchema, string>();
function fulltextQuery(schema: GraphSchema): string {
  let query = fulltextQueries.get(schema);
  if (query === undefined) {
    query = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
  WHERE ${nodeFilter(schema, 'node')}
  RETURN ${hitProjection(schema, 'node')}, score`;
    fulltextQueries.set(schema, query);
  }
  return query;
}

function fallbackBranch(schema: GraphSchema, label: LabelInfo): string {
  const cap = `n.${q(label.caption!)}`;
  const score = `CASE WHEN toLower(toString(${cap})) = $lower THEN 3.0 WHEN toLower(toString(${cap})) STARTS WITH $lower THEN 2.0 ELSE 1.0 END`;
  const match = label.captionIndex === 'text' ? `UNWIND $variants AS v MATCH (n:${q(label.label)}) WHERE ${cap} CONTAINS v`
    : label.captionIndex === 'range' ? `UNWIND $variants AS v MATCH (n:${q(label.label)}) WHERE ${cap} STARTS WITH v`
      : `MATCH (n:${q(label.label)}) WITH n LIMIT ${SCAN_LIMIT} WITH n WHERE toLower(toString(${cap})) CONTAINS $lower`;
  return `${match} WITH DISTINCT n LIMIT $limit RETURN ${hitProjection(schema, 'n')}, ${score} AS score`;
}

function ownIndexes(schema: GraphSchema): { text: string; chinese: string } | null {
  const names = new Set(schema.fulltext.map((i) => i.name));
  return OWN_INDEXES.find((pair) => names.has(pair.text) && names.has(pair.chinese)) ?? null;
}

function fallbackLabels(schema: GraphSchema): LabelInfo[] {
  return schema.labels.filter((l) => l.caption !== null && l.count > 0 && !(schema.provenance && l.label === SOURCE_LABEL))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, MAX_FALLBACK_LABELS);
}

const FALLBACK_NOTE = 'This database has no full-text index, so names were matched by prefix or substring '
  + `(using an index where one exists, otherwise among the first ${SCAN_LIMIT.toLocaleString('en-US')} nodes of each type). `
  + 'Run `npm run db:index` for ranked, typo-tolerant search.';

function best(hits: SearchHit[], limit: number): SearchHit[] {
  const byId = new Map<string, SearchHit>();
  for (const hit of hits) {
    const previous = byId.get(hit.id);
    if (!previous || previous.score < hit.score) byId.set(hit.id, { ...hit, score: Math.round(hit.score * 1000) / 1000 });
  }
  // Prefix matches score alike; then the shorter name is the likelier target ("Chongqing" before its government).
  return [...byId.values()].sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, limit);
}

const asHits = (rows: unknown): SearchHit[] => (toPlain(rows) as (SearchHit & { names: unknown })[]).map(({ names, ...h }) => {
  const translated = toNames(names);
  return { ...h, id: String(h.id), name: String(h.name), ...(translated ? { names: translated } : {}) };
});

/** Searches with the best method this database allows and says which one it used. */
export async function searchGraph(schema: GraphSchema, input: string, limit: number): Promise<SearchResult> {
  const own = ownIndexes(schema);
  const { text, chinese } = buildSearchQueries(input);
  if (own) {
    const asks: Promise<unknown>[] = [];
    if (text) asks.push(readQuery(fulltextQuery(schema), { index: own.text, query: text, limit: int(limit) }));
    if (chinese) asks.push(readQuery(fulltextQuery(schema), { index: own.chinese, query: chinese, limit: int(limit) }));
    return { hits: best((await Promise.all(asks)).flatMap(asHits), limit), mode: 'fulltext' };
  }
  const others = schema.fulltext.slice(0, 4);
  if (others.length > 0) {
    // Another project's index: its analyzer is unknown, so one query carries both scripts' clauses.
    const query = [text, chinese].filter(Boolean).join(' OR ');
    const asks = query ? others.map((i) => readQuery(fulltextQuery(schema), { index: i.name, query, limit: int(limit) })) : [];
    return { hits: best((await Promise.all(asks)).flatMap(asHits), limit), mode: 'fulltext', indexes: others.map((i) => i.name) };
  }
  const labels = fallbackLabels(schema);
  if (labels.length === 0) {
    return { hits: [], mode: 'none', note: schema.entities === 0 ? 'The database is empty.' : 'No node type has a text property to search by; set captions in explorer.config.json.' };
  }
  const raw = input.normalize('NFKC').trim().slice(0, MAX_SEARCH_LENGTH);
  if (!raw) return { hits: [], mode: 'fallback', note: FALLBACK_NOTE };
  const lower = raw.toLowerCase();
  const variants = [...new Set([raw, lower, lower.charAt(0).toUpperCase() + lower.slice(1)])];
  const rows = await readQuery(labels.map((l) => `CALL () { ${fallbackBranch(schema, l)} } RETURN id, name, names, type, score`).join('\nUNION ALL\n'),
    { lower, variants, limit: int(limit) });
  return { hits: best(asHits(rows), limit), mode: 'fallback', note: FALLBACK_NOTE };
}
