import type { IncomingHttpHeaders } from 'node:http';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { type Cached, cacheBudget, derivedBody, peekCached } from '../db/read-cache';
import { appEnv } from '../env';
import { type CachedAnswer, cachedAnswerHeaders, etagMatches } from './cache-rules';
import { canonicalAddress, previewCacheKey, previewLink } from './edge-address';
import { clientAddress, requestCost, sharedRateLimiter } from './rate-limit';
import { apiHeaders } from './security-headers';
import { type EdgeAnswer, type EdgeRequest, onStatus, processWide, serverSeam } from '../server-seam';

export type { EdgeAnswer, EdgeRequest };

/**
 * The read cache's front door. Once a JSON GET has been answered from the read cache, its address
 * (canonical: lib/http/edge-address.ts) is remembered with the cache key it used; the next GET of
 * that address is answered by the HTTP server
 * (scripts/serve.mjs) before Next.js routes it, from the same cache entry, with the same headers,
 * ETag/304 and rate limit. That is most of what a hot read costs: Next's routing and proxy took
 * about 1.5 ms of CPU per request, the answer itself a few microseconds.
 *
 * Nothing is stored twice and nothing can go stale here: the entry is looked up in the read cache
 * on every request (peekCached), so a new dataset version, an expired entry from a database the app
 * did not load, an evicted entry or a version not checked for CACHE_VERSION_CHECK_MS all fall
 * through to Next.js, which re-checks and reloads as usual. So do a refused rate limit (the proxy
 * then answers 429), every method but GET, and any address not seen answered before.
 * A preview image needs no table: its address names its view, hence its cache key.
 * Answers from here carry `X-Cache: hit`. The table of addresses is bounded by bytes (a sixteenth of
 * CACHE_MAX_BYTES); gzipped bodies are kept with their entry in the read cache and counted there.
 */

interface Route {
  cacheKey: string;
  contentType: string;
}

/** Bodies smaller than this are sent as they are (as Next.js's compression does). */
const GZIP_MIN_BYTES = 1024;

// A route's strings at two bytes a character, plus its objects and the table's slot.
const ROUTE_OVERHEAD_BYTES = 256;

interface State {
  /** Null when CACHE_MAX_BYTES is 0 (no read cache, nothing to answer from). */
  routes: LRUCache<string, Route> | null;
}

/** The routes remembered so far; the first call also offers `answerFromEdge` to the HTTP server. */
function state(): State {
  return processWide('edge-cache', () => {
    serverSeam().answerFromCache = answerFromEdge;
    const { routes: maxSize } = cacheBudget();
    const routes = maxSize > 0 ? new LRUCache<string, Route>({
      maxSize,
      sizeCalculation: (route, address) => ROUTE_OVERHEAD_BYTES + 2 * (address.length + route.cacheKey.length + route.contentType.length),
    }) : null;
    onStatus('edge-cache', () => ({ bytes: routes?.calculatedSize ?? 0, maxBytes: maxSize, routes: routes?.size ?? 0 }));
    return { routes };
  });
}

/**
 * Called by the route layer when it answers a GET from the read cache (which also opens the door:
 * the HTTP server asks it from then on). A preview needs no entry: its address names its key.
 */
export function rememberForEdge(request: Request, cached: Cached<unknown>, contentType: string): void {
  const { routes } = state();
  if (request.method !== 'GET' || !routes) return;
  const address = canonicalAddress(request.url);
  if (!address?.startsWith('/api/') || address.startsWith('/api/preview')) return;
  routes.set(address, { cacheKey: cached.key, contentType });
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value ?? null;
}

/** The cache entry a GET would be answered from, found without routing; null: let Next.js decide. */
function lookup(url: string, get: (name: string) => string | null): Found | null {
  if (url.startsWith('/api/preview?') || url === '/api/preview') {
    const { link, fromLink } = previewLink(new URL(url, 'http://edge.invalid').searchParams, get('accept-language'));
    const cached = peekCached(previewCacheKey(link));
    return cached && { cached, contentType: 'image/png', answer: { maxAgeSeconds: 300, vary: fromLink ? [] : ['Accept-Language'] } };
  }
  const address = canonicalAddress(url);
  const route = address ? state().routes?.get(address) : undefined;
  const cached = route ? peekCached(route.cacheKey) : null;
  return cached && { cached, contentType: route!.contentType, answer: {} };
}

interface Found {
  cached: Cached<unknown>;
  contentType: string;
  answer: CachedAnswer;
}

/** The answer for a request the read cache can serve right now, or null: let Next.js handle it. */
export function answerFromEdge(request: EdgeRequest): EdgeAnswer | null {
  const url = request.url;
  if (request.method !== 'GET' || !url?.startsWith('/api/')) return null;
  const get = (name: string) => header(request.headers, name);
  const found = lookup(url, get);
  if (!found) return null;
  const { cached, contentType, answer } = found;

  const env = appEnv();
  const decision = sharedRateLimiter().take(clientAddress({ get }, env.TRUST_PROXY), requestCost(url));
  if (!decision.ok) return null;

  const headers: Record<string, string> = {
    ...apiHeaders(env.FRAME_ANCESTORS),
    ...(Number.isFinite(decision.remaining) ? { 'RateLimit-Remaining': String(decision.remaining) } : {}),
    ...cachedAnswerHeaders(cached, answer),
    'X-Cache': 'hit',
  };
  if (etagMatches(get('if-none-match'), cached.etag)) return { status: 304, headers, body: null };

  // Text is encoded once and kept (counted) with its entry, not on every answer.
  const bytes = typeof cached.body === 'string' ? derivedBody(cached, 'utf8', () => Buffer.from(cached.body as string)) : cached.body;
  let body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Text only, as Next.js compresses: a PNG is compressed already.
  if (contentType === 'application/json' && body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(get('accept-encoding') ?? '')) {
    const source = body;
    const zipped = derivedBody(cached, 'gzip', () => gzipSync(source));
    body = Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Type'] = contentType;
  headers['Content-Length'] = String(body.length);
  return { status: 200, headers, body };
}
