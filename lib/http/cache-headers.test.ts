import { describe, expect, it } from 'vitest';
import type { Cached } from '../db/read-cache';
import { cachedResponse } from './cache-headers';
import { cacheControl } from './cache-rules';

const entry = (stamped: boolean): Cached<unknown> => ({ key: 'k', value: { a: 1 }, body: new TextEncoder().encode('{"a":1}'), etag: '"abc"', version: { version: stamped ? 'v1' : 'unstamped', stamped } });

describe('cached responses', () => {
  it('answers 304 to a matching If-None-Match, 200 with the body otherwise', async () => {
    const hit = cachedResponse(new Request('http://x/', { headers: { 'If-None-Match': 'W/"zzz", "abc"' } }), entry(true), 'application/json');
    expect(hit.status).toBe(304);
    expect(hit.headers.get('etag')).toBe('"abc"');
    const miss = cachedResponse(new Request('http://x/', { headers: { 'If-None-Match': '"old"' } }), entry(true), 'application/json');
    expect(miss.status).toBe(200);
    expect(await miss.text()).toBe('{"a":1}');
  });

  it('lets shared caches keep data from a stamped dataset briefly, and revalidate unstamped data every time', () => {
    expect(cacheControl(entry(true))).toBe('public, max-age=5, must-revalidate');
    expect(cacheControl(entry(false))).toBe('public, max-age=0, must-revalidate');
  });
});
