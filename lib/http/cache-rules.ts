import type { Cached } from '../db/read-cache';

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

/** True when an If-None-Match header's value names this ETag (or `*`). */
export function etagMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}


export interface CachedAnswer {
  /** Cache-Control max-age for data from a stamped dataset (5 s for API answers). */
  maxAgeSeconds?: number;
  /** Request headers the answer depends on besides Accept-Encoding. */
  vary?: readonly string[];
}

/** The caching headers of a cached answer, the same whether Next.js or the HTTP server sends it. */
export function cachedAnswerHeaders(cached: Pick<Cached<unknown>, 'version' | 'etag'>, { maxAgeSeconds, vary = [] }: CachedAnswer = {}): Record<string, string> {
  return { ETag: cached.etag, 'Cache-Control': cacheControl(cached, maxAgeSeconds), Vary: ['Accept-Encoding', ...vary].join(', ') };
}
