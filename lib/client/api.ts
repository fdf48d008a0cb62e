import { AVOID_HUBS, type PathOptions, type PathsResult } from '../graph/paths';
import type { EntitiesResult, NeighborPage, NodeDetails, SearchHit, SubgraphResult } from '../graph/types';
import type { Locale } from '../i18n/locales';
import { problemOf, type Problem } from '../i18n/notes';

/**
 * Typed fetchers for the JSON API, for client components. Errors carry the API's code and its own
 * (English) message; the interface shows `problem`, translated by code.
 */

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
  /** What to tell the reader, in their language (messages/<lang>/errors.json). */
  get problem(): Problem {
    return problemOf(this.code, this.status);
  }
  /** The database or the server is unreachable (not merely slow): worth a banner and a retry. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 504 || (this.status === 503 && this.code !== 'query_timeout');
  }
}

async function getJson<T>(url: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, body === undefined
      ? { signal, headers: { accept: 'application/json' }, cache: 'no-store' }
      : { signal, method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ApiError(response.status, body?.error ?? 'http_error', body?.message ?? `The request failed (${response.status}).`);
  }
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

/** The query string of a ranked-paths request (what the API reads, see lib/http/params.ts). */
export function pathsQuery(from: string, to: string, options: PathOptions, lang: Locale): string {
  const avoid = [...options.avoid, ...(options.avoidHubs ? [AVOID_HUBS] : [])];
  return [`from=${enc(from)}`, `to=${enc(to)}`, `k=${options.k}`, `maxHops=${options.maxHops}`,
    ...(options.types.length > 0 ? [`types=${options.types.map(enc).join(',')}`] : []),
    ...(avoid.length > 0 ? [`avoid=${avoid.map(enc).join(',')}`] : []),
    ...(options.time ? [`t=${options.time.from}-${options.time.to}`, `undated=${options.undated}`] : []),
    `lang=${lang}`].join('&');
}

export const api = {
  health: (signal?: AbortSignal) => getJson<{ status: string; entities: number }>('/api/health', signal),
  search: (q: string, limit: number, signal?: AbortSignal) =>
    getJson<{ query: string; hits: SearchHit[] }>(`/api/search?q=${enc(q)}&limit=${limit}`, signal),
  node: (id: string, signal?: AbortSignal) => getJson<NodeDetails>(`/api/nodes/${enc(id)}`, signal),
  neighbors: (id: string, page: { offset: number; limit: number; relType?: string | undefined; entityType?: string | undefined }, signal?: AbortSignal) =>
    getJson<NeighborPage>(`/api/nodes/${enc(id)}/neighbors?offset=${page.offset}&limit=${page.limit}`
      + `${page.relType ? `&type=${enc(page.relType)}` : ''}${page.entityType ? `&entityType=${enc(page.entityType)}` : ''}`, signal),
  /** Short lists go in the query string (cacheable); long ones, up to a big view's 5,000, in a POST body. */
  subgraph: (ids: string[], signal?: AbortSignal) => (ids.length <= 200
    ? getJson<SubgraphResult>(`/api/subgraph?ids=${ids.map(enc).join(',')}`, signal)
    : getJson<SubgraphResult>('/api/subgraph', signal, { ids })),
  /** Names, properties and sources of up to a view's worth of entities (for an export). */
  entities: (ids: string[], signal?: AbortSignal) => getJson<EntitiesResult>('/api/entities', signal, { ids }),
  paths: (from: string, to: string, options: PathOptions, lang: Locale, signal?: AbortSignal) =>
    getJson<PathsResult>(`/api/paths?${pathsQuery(from, to, options, lang)}`, signal),
};
