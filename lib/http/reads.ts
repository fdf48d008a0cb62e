import { findPaths } from '../db/paths';
import { cachedRead } from '../db/read-cache';
import { getNeighbors, getNode, getSubgraph, search } from '../db/queries';
import type { Answer, ReadRequest } from './answer';
import { jsonAnswerFrom } from './cache-headers';
import { badRequestAnswer, errorAnswer, invalidAnswer, notFoundAnswer } from './error-response';
import { entityId, neighborParams, pathParams, queryObject, searchParams, subgraphParams } from './params';

/**
 * The JSON reads, as plain functions of a request: the route files in app/api/ hand them Next.js's
 * request, and the HTTP server's desk (lib/http/api-desk.ts) hands them the socket's, without
 * Next.js's routing. Each validates what the outside world sent, reads through the read cache and
 * answers (lib/http/answer.ts); errors become answers here too, so both ways out send the same.
 */

/** Ranked entities for as-you-type search; `mode` and `note` say how this database could be searched. */
export async function searchRead(request: ReadRequest): Promise<Answer> {
  const parsed = searchParams.safeParse(queryObject(request.searchParams));
  if (!parsed.success) return badRequestAnswer(parsed.error);
  const { q, limit } = parsed.data;
  try {
    const cached = await cachedRead(`search\u0000${limit}\u0000${q}`, async () => ({ query: q, ...(await search(q, limit)) }));
    return jsonAnswerFrom(request, cached);
  } catch (error) {
    return errorAnswer(error);
  }
}

/** One entity with its names, properties, degree by relationship type and sources. `rawId`: the decoded path segment. */
export async function entityRead(request: ReadRequest, rawId: string): Promise<Answer> {
  const id = entityId.safeParse(rawId);
  if (!id.success) return badRequestAnswer(id.error);
  try {
    const cached = await cachedRead(`node\u0000${id.data}`, () => getNode(id.data));
    return cached.value ? jsonAnswerFrom(request, cached) : notFoundAnswer(`No entity has the id "${id.data}".`);
  } catch (error) {
    return errorAnswer(error);
  }
}

/** One hop around an entity, a page at a time, with the total and counts by type. */
export async function neighboursRead(request: ReadRequest, rawId: string): Promise<Answer> {
  const id = entityId.safeParse(rawId);
  if (!id.success) return badRequestAnswer(id.error);
  const parsed = neighborParams.safeParse(queryObject(request.searchParams));
  if (!parsed.success) return badRequestAnswer(parsed.error);
  const { limit, offset, type, entityType } = parsed.data;
  try {
    const key = ['neighbors', id.data, limit, offset, type ?? '', entityType ?? ''].join('\u0000');
    const cached = await cachedRead(key, () => getNeighbors(id.data, { limit, offset, relType: type, entityType }));
    return cached.value ? jsonAnswerFrom(request, cached) : notFoundAnswer(`No entity has the id "${id.data}".`);
  } catch (error) {
    return errorAnswer(error);
  }
}

/** The given entities and the relationships among them; unknown ids are listed in `missing`. */
export async function subgraphRead(request: ReadRequest, ids: string[]): Promise<Answer> {
  try {
    return jsonAnswerFrom(request, await cachedRead(`subgraph\u0000${ids.join('\u0000')}`, () => getSubgraph(ids)));
  } catch (error) {
    return errorAnswer(error);
  }
}

/** `?ids=a,b,...`: the subgraph of a view that fits in a URL. */
export async function subgraphQueryRead(request: ReadRequest): Promise<Answer> {
  const parsed = subgraphParams.safeParse(queryObject(request.searchParams));
  return parsed.success ? subgraphRead(request, parsed.data.ids) : badRequestAnswer(parsed.error);
}

/**
 * Up to k ranked paths between two entities: `{ paths: [...] }`, shortest first (lib/graph/paths.ts),
 * each with its relationships, their sources and a one-sentence reading in `lang`. No path: 200
 * with `paths: []` and a reason. Unknown ids or relationship types: 400 naming them.
 */
export async function pathsRead(request: ReadRequest): Promise<Answer> {
  const parsed = pathParams.safeParse(queryObject(request.searchParams));
  if (!parsed.success) return badRequestAnswer(parsed.error);
  const { from, to, lang, ...options } = parsed.data;
  try {
    const key = ['paths', from, to, lang, JSON.stringify(options)].join('\u0000');
    const cached = await cachedRead(key, () => findPaths(from, to, options, lang),
      (outcome) => JSON.stringify(outcome.kind === 'ok' ? outcome.result : null));
    const outcome = cached.value;
    if (outcome.kind === 'invalid') {
      const { kind: _kind, ...body } = outcome;
      return invalidAnswer(body);
    }
    return jsonAnswerFrom(request, cached);
  } catch (error) {
    return errorAnswer(error);
  }
}
