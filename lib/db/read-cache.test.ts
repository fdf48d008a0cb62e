import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetProcessWide } from '../server-seam';
import { cacheBudget, cachedRead, derivedBody, entryBytes, readCacheStats } from './read-cache';

// The dataset stamp the cache reads; a test changes it to play a new load.
let stamp = 'v1';
vi.mock('./driver', () => ({ readQuery: async () => [{ version: stamp }] }));

const KB = 1024;
const originalEnv = process.env;

/** A fresh cache with this bound (appEnv re-reads a new process.env object). */
function withBudget(maxBytes: string) {
  process.env = { ...originalEnv, CACHE_MAX_BYTES: maxBytes, CACHE_VERSION_CHECK_MS: '0' };
  forgetProcessWide('read-cache');
}

/** A JSON answer of about `kb` kilobytes. */
const answer = (kb: number, tag = '') => ({ tag, text: 'x'.repeat(kb * KB) });

describe('the read cache', () => {
  beforeEach(() => {
    stamp = 'v1';
    withBudget('1MB');
  });
  afterEach(() => {
    process.env = originalEnv;
    forgetProcessWide('read-cache');
  });

  it('keeps what it holds under its share of CACHE_MAX_BYTES, however many answers pass through', async () => {
    const budget = cacheBudget(1024 * KB).entries;
    for (let i = 0; i < 200; i++) await cachedRead(`k${i}`, async () => answer(20, String(i)));
    const stats = readCacheStats();
    expect(stats.maxBytes).toBe(budget);
    expect(stats.bytes).toBeLessThanOrEqual(budget);
    expect(stats.bytes).toBeGreaterThan(budget / 2);
    expect(stats.entries).toBeLessThan(200);
  });

  it('lets the least recently used go first: an answer read again stays, an old one is loaded again', async () => {
    const loads: string[] = [];
    const read = (key: string) => cachedRead(key, async () => (loads.push(key), answer(100, key)));
    await read('old');
    await read('kept');
    for (let i = 0; i < 6; i++) {
      await read('kept');
      await read(`filler${i}`);
    }
    loads.length = 0;
    await read('kept');
    await read('old');
    expect(loads).toEqual(['old']);
  });

  it('counts a JSON answer at more than its bytes: the parsed value lives beside them', () => {
    const value = answer(10);
    const body = new TextEncoder().encode(JSON.stringify(value));
    expect(entryBytes('k', { value, body })).toBeGreaterThanOrEqual(3 * body.byteLength);
    const png = new Uint8Array(10 * KB);
    expect(entryBytes('k', { value: png, body: png })).toBeLessThan(11 * KB);
  });

  it('keeps a JSON answer as the UTF-8 bytes sent, counted at its own size (not a shared buffer behind it)', async () => {
    const value = { name: 'Чунцин 重庆', ids: [1, 2, 3] };
    const cached = await cachedRead('small', async () => value);
    expect(new TextDecoder().decode(cached.body)).toBe(JSON.stringify(value));
    expect(cached.body.buffer.byteLength).toBe(cached.body.byteLength);
    expect(readCacheStats().bytes).toBe(entryBytes('small', cached));
    expect(readCacheStats().bytes).toBeLessThan(1 * KB);
  });

  it('does not keep an answer bigger than the whole budget, but still returns it', async () => {
    let loads = 0;
    const big = () => cachedRead('big', async () => (loads++, answer(800)));
    expect((await big()).value.text.length).toBe(800 * KB);
    await big();
    expect(loads).toBe(2);
    expect(readCacheStats().bytes).toBe(0);
  });

  it('counts a gzipped copy with its entry, and makes it once', async () => {
    const cached = await cachedRead('zip', async () => answer(50));
    const before = readCacheStats().bytes;
    let made = 0;
    const zip = () => derivedBody(cached, 'gzip', () => (made++, gzipSync(cached.body)));
    const zipped = zip();
    expect(zip()).toBe(zipped);
    expect(made).toBe(1);
    expect(readCacheStats().bytes).toBeGreaterThanOrEqual(before + zipped.byteLength);
    expect(readCacheStats().bytes).toBeLessThanOrEqual(before + zipped.buffer.byteLength);
  });

  it('shares one load among concurrent misses and never keeps a failure', async () => {
    let loads = 0;
    const slow = () => cachedRead('same', async () => {
      loads++;
      await new Promise((resolve) => setImmediate(resolve));
      return answer(1);
    });
    const [a, b] = await Promise.all([slow(), slow()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);

    await expect(cachedRead('fails', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect((await cachedRead('fails', async () => answer(1, 'ok'))).value.tag).toBe('ok');
  });

  it('forgets everything when the dataset is loaded again', async () => {
    let loads = 0;
    const read = () => cachedRead('node', async () => (loads++, answer(1, stamp)));
    await read();
    await read();
    stamp = 'v2';
    expect((await read()).value.tag).toBe('v2');
    expect(loads).toBe(2);
  });

  it('keeps nothing when CACHE_MAX_BYTES is 0', async () => {
    withBudget('0');
    let loads = 0;
    for (let i = 0; i < 3; i++) await cachedRead('k', async () => (loads++, answer(1)));
    expect(loads).toBe(3);
    expect(readCacheStats()).toMatchObject({ bytes: 0, maxBytes: 0, entries: 0, loads: 3 });
  });
});
