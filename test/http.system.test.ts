import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, seedFromDir } from '../graph-seed/load';
import { type AppProcess, rawGet, startApp } from './app-server';
import { testDriver } from './db';
import { testEnvironment } from './test-env';

/** Headers, rate limiting, caching and public URLs over real HTTP against the production build. */
const PORT = Number(testEnvironment().APP_TEST_PORT) + 4;

describe('the HTTP surface', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp(PORT, { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '40', CACHE_VERSION_CHECK_MS: '0', PUBLIC_URL: 'https://graph.example.org' });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('sends the security headers on pages, API answers, static files and 404s', async () => {
    const page = await rawGet(app.url, '/');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    for (const target of ['/', '/api/health', script!, '/no-such-page', '/api/nodes/nope:x']) {
      const { headers } = await rawGet(app.url, target);
      expect(headers['x-content-type-options'], target).toBe('nosniff');
      expect(headers['x-frame-options'], target).toBe('DENY');
      expect(headers['referrer-policy'], target).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], target).toContain('camera=()');
      // Scripts and styles are not documents: a CSP on them would mean nothing.
      if (target !== script) expect(headers['content-security-policy'], target).toContain("frame-ancestors 'none'");
    }
  });

  it('puts PUBLIC_URL in og:image, whatever Host or X-Forwarded-Host say', async () => {
    const { body } = await rawGet(app.url, '/', { headers: { 'X-Forwarded-Host': 'evil.example', Host: 'also-evil.example' } });
    const image = /<meta property="og:image" content="([^"]+)"/.exec(body)?.[1];
    expect(image).toMatch(/^https:\/\/graph\.example\.org\/api\/preview\?/);
  });

  it('answers a repeated read with 304 for its ETag, and a load of the data changes the answer at once', async () => {
    const id = 'person:yin-hejun';
    const first = await rawGet(app.url, `/api/nodes/${id}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=5, must-revalidate');
    const etag = first.headers.etag!;
    expect((await rawGet(app.url, `/api/nodes/${id}`, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const { driver, database } = testDriver();
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    try {
      cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
      const file = path.join(dir, 'core.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: string; description: string }[] };
      data.nodes.find((n) => n.id === id)!.description = 'Changed by the cache test.';
      writeFileSync(file, JSON.stringify(data));
      await seedFromDir(driver, database, dir, 'default');
      const changed = await rawGet(app.url, `/api/nodes/${id}`, { headers: { 'If-None-Match': etag } });
      expect(changed.status).toBe(200);
      expect(JSON.parse(changed.body).description).toBe('Changed by the cache test.');
      expect(changed.headers.etag).not.toBe(etag);
    } finally {
      await seedFromDir(driver, database);
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(JSON.parse((await rawGet(app.url, `/api/nodes/${id}`)).body).description).not.toBe('Changed by the cache test.');
  });

  it('never lets a failure be stored: 400 and 404 say no-store', async () => {
    for (const target of ['/api/search', '/api/nodes/nope:x', '/api/paths?from=a:b&to=c:d']) {
      expect((await rawGet(app.url, target)).headers['cache-control'], target).toBe('no-store');
    }
  });

  it('counts the reads the desk answers (new addresses) like any other, and refuses them over the rate with 429', async () => {
    let refused = null;
    let answered = 0;
    for (let i = 0; i < 80 && !refused; i++) {
      const response = await rawGet(app.url, `/api/search?q=rate-${i}&limit=${1 + (i % 40)}`);
      if (response.status === 200) answered += 1;
      if (response.status === 429) refused = response;
    }
    expect(answered).toBeGreaterThan(0);
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused!.headers['content-security-policy']).toContain("default-src 'none'");
    expect(JSON.parse(refused!.body)).toMatchObject({ error: 'rate_limited' });
  });

  it('refuses a client over its rate with 429 and Retry-After; a forged X-Forwarded-For does not help', async () => {
    let refused = null;
    for (let i = 0; i < 80 && !refused; i++) {
      const response = await rawGet(app.url, '/api/health', { headers: { 'X-Forwarded-For': `198.51.100.${i}` } });
      if (response.status === 429) refused = response;
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused!.body)).toMatchObject({ error: 'rate_limited' });
  });
});

describe('repeated reads answered before routing (lib/http/edge-cache.ts)', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp(PORT + 1, { RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: '30', CACHE_VERSION_CHECK_MS: '60000' });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  // Vary differs: Next.js lists its router headers too, which mean nothing for JSON.
  const SAME = ['content-type', 'etag', 'cache-control', 'content-security-policy', 'x-content-type-options', 'x-frame-options',
    'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'];

  it('answers a second identical GET with the same body and headers, its ETag with 304, gzip when asked', async () => {
    const target = `/api/nodes/${encodeURIComponent('initiative:bri')}/neighbors?limit=200`;
    const first = await rawGet(app.url, target);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBeUndefined();
    const second = await rawGet(app.url, target);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    for (const name of SAME) expect(second.headers[name], name).toBe(first.headers[name]);
    expect(second.headers.vary).toContain('Accept-Encoding');
    expect(Number(second.headers['ratelimit-remaining'])).toBeLessThan(Number(first.headers['ratelimit-remaining']));

    const revalidated = await rawGet(app.url, target, { headers: { 'If-None-Match': first.headers.etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');

    const zipped = await rawGet(app.url, target, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.bytes).toString('utf8')).toBe(first.body);
  });

  it('knows a query however it is spelled: spaces, commas and non-Latin text', async () => {
    for (const [first, again] of [
      ['/api/search?q=belt%20and%20road&limit=7', '/api/search?q=belt+and+road&limit=7'],
      ['/api/search?q=%D0%A7%D1%83%D0%BD%D1%86%D0%B8%D0%BD', '/api/search?q=%D0%A7%D1%83%D0%BD%D1%86%D0%B8%D0%BD'],
      ['/api/subgraph?ids=org%3Amost,place%3Achongqing', '/api/subgraph?ids=org:most%2Cplace:chongqing'],
    ]) {
      const routed = await rawGet(app.url, first!);
      expect(routed.status, first).toBe(200);
      const hit = await rawGet(app.url, again!);
      expect(hit.headers['x-cache'], again).toBe('hit');
      expect(hit.body).toBe(routed.body);
    }
  });

  it('leaves everything else to the app: other methods, unseen addresses, failures', async () => {
    await rawGet(app.url, '/api/nodes/org:most');
    expect((await rawGet(app.url, '/api/nodes/org:most', { method: 'HEAD' })).headers['x-cache']).toBeUndefined();
    for (const target of ['/api/nodes/nope:x', '/api/search', '/api/paths?from=org:most']) {
      await rawGet(app.url, target);
      expect((await rawGet(app.url, target)).headers['x-cache'], target).toBeUndefined();
    }
  });

  it('counts its answers against the rate limit like any other request', async () => {
    const target = '/api/search?q=chongqing&limit=5';
    await rawGet(app.url, target);
    let refused = null;
    let hits = 0;
    for (let i = 0; i < 60 && !refused; i++) {
      const response = await rawGet(app.url, target);
      if (response.headers['x-cache'] === 'hit') hits += 1;
      if (response.status === 429) refused = response;
    }
    expect(hits).toBeGreaterThan(0);
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

