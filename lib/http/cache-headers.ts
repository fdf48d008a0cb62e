import type { Cached } from '../db/read-cache';
import { type CachedAnswer, cachedAnswerHeaders, etagMatches } from './cache-rules';
import { rememberForEdge } from './edge-cache';

/** True when the request's If-None-Match names this ETag (or `*`). */
function notModified(request: Request, etag: string): boolean {
  return etagMatches(request.headers.get('if-none-match'), etag);
}

/** 200 with the cached body, or 304 when the client already holds it. */
export function cachedResponse(request: Request, cached: Cached<unknown>, contentType: string, answer?: CachedAnswer): Response {
  rememberForEdge(request, cached, contentType);
  const headers = cachedAnswerHeaders(cached, answer);
  if (notModified(request, cached.etag)) return new Response(null, { status: 304, headers });
  const body = typeof cached.body === 'string' ? cached.body : new Uint8Array(cached.body);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}

/** A cached JSON answer; a GET is also remembered so that the next identical one skips routing (edge-cache.ts). */
export function jsonResponse(request: Request, cached: Cached<unknown>): Response {
  return cachedResponse(request, cached, 'application/json');
}
