import { describe, expect, it } from 'vitest';
import { clientAddress, RateLimiter, SHARED_CLIENT } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next request fits', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 5 });
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) expect(limiter.take('a', 1, t).ok).toBe(true);
    expect(limiter.take('a', 1, t)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 4, t)).toEqual({ ok: false, retryAfterSeconds: 2 });
    // Half a second later one token has come back; other clients never shared the bucket.
    expect(limiter.take('a', 1, t + 500).ok).toBe(true);
    expect(limiter.take('b', 1, t).ok).toBe(true);
  });

  it('never holds more than the burst, and 0 per second turns it off', () => {
    const limiter = new RateLimiter({ perSecond: 10, burst: 3 });
    expect(limiter.take('a', 3, 0).ok).toBe(true);
    expect(limiter.take('a', 4, 3_600_000).ok).toBe(false);
    const off = new RateLimiter({ perSecond: 0, burst: 1 });
    for (let i = 0; i < 100; i++) expect(off.take('a').ok).toBe(true);
  });

  it('keeps at most maxClients buckets', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxClients: 2 });
    limiter.take('a', 1, 0);
    limiter.take('b', 1, 0);
    limiter.take('c', 1, 0); // evicts a: it starts again with a full bucket
    expect(limiter.take('a', 1, 0).ok).toBe(true);
  });
});

describe('clientAddress', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  const STAMP = 'x-client-address-5ec7e7';

  it('uses the socket address and ignores X-Forwarded-For unless proxies are trusted', () => {
    const h = headers({ [STAMP]: '10.0.0.9', 'x-forwarded-for': '6.6.6.6' });
    expect(clientAddress(h, 0, STAMP)).toBe('10.0.0.9');
  });

  it('with TRUST_PROXY=n takes the address the outermost trusted proxy appended', () => {
    const h = headers({ [STAMP]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' });
    expect(clientAddress(h, 1, STAMP)).toBe('10.0.0.2');
    expect(clientAddress(h, 2, STAMP)).toBe('203.0.113.7');
    expect(clientAddress(h, 9, STAMP)).toBe('6.6.6.6');
    expect(clientAddress(headers({ [STAMP]: '10.0.0.1' }), 1, STAMP)).toBe('10.0.0.1');
  });

  it('never lets a client name itself: without the stamp every client is the same one', () => {
    const forged = headers({ 'x-client-address': '198.51.100.7', 'x-forwarded-for': '198.51.100.8' });
    expect(clientAddress(forged, 0, STAMP)).toBe(SHARED_CLIENT);
    expect(clientAddress(forged, 0, null)).toBe(SHARED_CLIENT);
    expect(clientAddress(headers({ [STAMP]: '10.0.0.9' }), 0, null)).toBe(SHARED_CLIENT);
  });
});
