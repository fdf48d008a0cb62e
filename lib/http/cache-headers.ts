import type { Cached } from '../db/read-cache';
import { type Answer, type ReadRequest, readRequestOf, toResponse } from './answer';
import { type CachedAnswer, cachedAnswerHeaders, etagMatches } from './cache-rules';
import { rememberForEdge } from './edge-cache';

/**
 * 200 with the cached body, or 304 when the client already holds it (its If-None-Match names the
 * ETag). A GET is also remembered, so that the next identical one is answered before routing (edge-cache.ts).
 */
export function cachedAnswer(request: ReadRequest, cached: Cached<unknown>, contentType: string, answer?: CachedAnswer): Answer {
  rememberForEdge(request, cached, contentType);
  const headers = cachedAnswerHeaders(cached, answer);
  if (etagMatches(request.header('if-none-match'), cached.etag)) return { status: 304, headers, body: null };
  return { status: 200, headers: { ...headers, 'Content-Type': contentType }, body: cached.body };
}

/** A cached JSON answer. */
export function jsonAnswerFrom(request: ReadRequest, cached: Cached<unknown>): Answer {
  return cachedAnswer(request, cached, 'application/json');
}

/** The same as a Response, for a route that Next.js answers. */
export function cachedResponse(request: Request, cached: Cached<unknown>, contentType: string, answer?: CachedAnswer): Response {
  return toResponse(cachedAnswer(readRequestOf(request), cached, contentType, answer));
}

export function jsonResponse(request: Request, cached: Cached<unknown>): Response {
  return cachedResponse(request, cached, 'application/json');
}
