import type { Cached } from '../cache/read-cache';
import { rememberForEdge } from './edge-cache';

/**
 * Cache-Control that says what the server knows. Data from a database the app loaded changes only
 * when it is loaded again, which the server cannot predict: shared caches may keep an answer briefly
 * and must then revalidate (the ETag makes that a cheap 304). Data from a database the app did not
 * load may change at any moment: revalidate every time. Anything failed or per-moment: no-store.
 */
export const NO_STORE = 'no-store';

export function cacheControl(cached: Pick<Cached<unknown>, 'version'>, maxAgeSeconds = 5): string {
  return cached.version.stamped ? `public, max-age=${maxAgeSeconds}, must-revalidate` : 'public, max-age=0, must-revalidate';
}

/** True when the request's If-None-Match names this ETag (or `*`). */
export function notModified(request: Request, etag: string): boolean {
  return etagMatches(request.headers.get('if-none-match'), etag);
}

/** True when an If-None-Match header's value names this ETag (or `*`). */
export function etagMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

/** 200 with the cached body, or 304 when the client already holds it. */
export function cachedResponse(request: Request, cached: Cached<unknown>, contentType: string, maxAgeSeconds?: number): Response {
  const headers = { ETag: cached.etag, 'Cache-Control': cacheControl(cached, maxAgeSeconds), Vary: 'Accept-Encoding' };
  if (notModified(request, cached.etag)) return new Response(null, { status: 304, headers });
  const body = typeof cached.body === 'string' ? cached.body : new Uint8Array(cached.body);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}

/** A cached JSON answer; a GET is also remembered so that the next identical one skips routing (edge-cache.ts). */
export function jsonResponse(request: Request, cached: Cached<unknown>): Response {
  rememberForEdge(request, cached, 'application/json');
  return cachedResponse(request, cached, 'application/json');
}
