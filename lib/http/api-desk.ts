import type { EdgeAnswer, EdgeRequest } from '../server-seam';
import { serverSeam } from '../server-seam';
import type { Answer, ReadRequest } from './answer';
import { entityRead, neighboursRead, pathsRead, searchRead, subgraphQueryRead } from './reads';
import { admit, freshBody, headerReader, onTheWire } from './wire';

/**
 * The desk: the JSON reads answered by the HTTP server (scripts/serve.mjs) without Next.js's router,
 * proxy and route runtime, which cost 5-8 ms of CPU around a read that misses the cache (bench/results.md).
 * It calls the same read functions as the route files (lib/http/reads.ts), takes the same rate limit
 * and sends the same headers (wire.ts). It takes only a GET of exactly one of the addresses below,
 * as the URL standard leaves it; anything else, or any doubt (a path Next.js would normalise or
 * redirect, malformed percent-encoding, a client over its rate), goes to Next.js as before.
 *
 * Opened by instrumentation.ts when the server starts; SERVE_FAST_PATH=0 closes it (and the front door).
 */

type Read = (request: ReadRequest, segment: string) => Promise<Answer>;

const READS: [RegExp, Read][] = [
  [/^\/api\/search$/, (request) => searchRead(request)],
  [/^\/api\/nodes\/([^/]+)$/, entityRead],
  [/^\/api\/nodes\/([^/]+)\/neighbors$/, neighboursRead],
  [/^\/api\/subgraph$/, (request) => subgraphQueryRead(request)],
  [/^\/api\/paths$/, (request) => pathsRead(request)],
];

/** A path segment as a route receives it (percent-decoded), or null when Next.js must judge it. */
function segmentOf(raw: string | undefined): string | null {
  if (raw === undefined) return '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // the proxy answers 400
  }
  return decoded === '.' || decoded === '..' ? null : decoded;
}

/** The answer to a read the desk takes, or null: let Next.js handle the request. */
export function answerDirectly(request: EdgeRequest): Promise<EdgeAnswer> | null {
  const target = request.url;
  if (request.method !== 'GET' || !target?.startsWith('/api/')) return null;
  let url: URL;
  try {
    url = new URL(target, 'http://desk.invalid');
  } catch {
    return null;
  }
  const end = target.search(/[?#]/);
  if (url.pathname !== (end < 0 ? target : target.slice(0, end)) || url.hash) return null;
  const route = READS.find(([pattern]) => pattern.test(url.pathname));
  if (!route) return null;
  const segment = segmentOf(route[0].exec(url.pathname)?.[1]);
  if (segment === null) return null;
  const get = headerReader(request.headers);
  const admitted = admit(target, get);
  if (!admitted) return null;
  const read: ReadRequest = { method: 'GET', url: target, searchParams: url.searchParams, header: get };
  return route[1](read, segment).then(({ status, headers, body }) =>
    onTheWire(status, headers, body === null ? null : freshBody(body), admitted, get));
}

/** Offers the desk to the HTTP server (instrumentation.ts, once per process). */
export function openDesk(): void {
  serverSeam().answerDirectly = answerDirectly;
}
