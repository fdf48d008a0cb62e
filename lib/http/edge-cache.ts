import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { type Cached, cacheBudget, derivedBody, peekCached } from '../db/read-cache';
import { type CachedAnswer, cachedAnswerHeaders, etagMatches } from './cache-rules';
import { canonicalAddress, previewCacheKey, previewLink } from './edge-address';
import { admit, type HeaderReader, headerReader, onTheWire } from './wire';
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
export function rememberForEdge(request: { method: string; url: string }, cached: Cached<unknown>, contentType: string): void {
  const { routes } = state();
  if (request.method !== 'GET' || !routes) return;
  const address = canonicalAddress(request.url);
  if (!address?.startsWith('/api/') || address.startsWith('/api/preview')) return;
  routes.set(address, { cacheKey: cached.key, contentType });
}

/** The cache entry a GET would be answered from, found without routing; null: let Next.js decide. */
function lookup(url: string, get: HeaderReader): Found | null {
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
  const get = headerReader(request.headers);
  const found = lookup(url, get);
  if (!found) return null;
  const { cached, contentType, answer } = found;
  const admitted = admit(url, get);
  if (!admitted) return null;

  const headers = { ...cachedAnswerHeaders(cached, answer), 'Content-Type': contentType };
  if (etagMatches(get('if-none-match'), cached.etag)) {
    const { 'Content-Type': _type, ...unchanged } = headers;
    return onTheWire(304, unchanged, null, admitted, get, { 'X-Cache': 'hit' });
  }
  // The body is kept as the bytes sent, and its gzip is made once and kept (counted) with its entry.
  const bytes = cached.body;
  return onTheWire(200, headers, { bytes, gzip: () => derivedBody(cached, 'gzip', () => gzipSync(bytes)) }, admitted, get, { 'X-Cache': 'hit' });
}
