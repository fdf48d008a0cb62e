import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('uses the local Neo4j when NEO4J_URI is not set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ uri: 'bolt://127.0.0.1:7687', local: true, NEO4J_DATABASE: 'neo4j' });
  });

  it('uses any other Neo4j 5 when NEO4J_URI points at it', () => {
    expect(loadEnv({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'x' })).toMatchObject({ local: false, uri: 'neo4j+s://abc.databases.neo4j.io' });
    expect(loadEnv({ NEO4J_URI: 'bolt://127.0.0.1:7697', NEO4J_LOCAL_PORT: '7697' }).local).toBe(true);
  });

  it('lists every invalid key in one error', () => {
    expect(() => loadEnv({ NEO4J_URI: 'http://x', NEO4J_LOCAL_PORT: 'abc', NEO4J_DATABASE: 'a b' })).toThrow(EnvError);
    const thrown = (() => {
      try {
        loadEnv({ NEO4J_URI: 'http://x', NEO4J_LOCAL_PORT: 'abc' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toMatch(/NEO4J_URI/);
    expect((thrown as Error).message).toMatch(/NEO4J_LOCAL_PORT/);
  });
});

describe('hardening settings', () => {
  it('has safe defaults: rate limit on, frames refused, no proxy trusted', () => {
    expect(loadEnv({})).toMatchObject({ RATE_LIMIT_PER_SECOND: 20, RATE_LIMIT_BURST: 100, FRAME_ANCESTORS: "'none'", TRUST_PROXY: 0, SHUTDOWN_GRACE_MS: 10_000 });
  });

  it('accepts frame-ancestors with or without quotes and refuses anything else', () => {
    expect(loadEnv({ FRAME_ANCESTORS: 'self' }).FRAME_ANCESTORS).toBe("'self'");
    expect(loadEnv({ FRAME_ANCESTORS: "'self' https://portal.example.org" }).FRAME_ANCESTORS).toBe("'self' https://portal.example.org");
    expect(() => loadEnv({ FRAME_ANCESTORS: "'unsafe-inline'; script-src *" })).toThrow(/FRAME_ANCESTORS/);
  });

  it('refuses a PUBLIC_URL that is not an http(s) origin, and reads TRUST_PROXY as hops', () => {
    expect(() => loadEnv({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
    expect(loadEnv({ PUBLIC_URL: 'https://graph.example.org' }).PUBLIC_URL).toBe('https://graph.example.org');
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });
});

describe('the read cache bound', () => {
  it('is 256 MB by default and reads bytes or a binary unit', () => {
    expect(loadEnv({}).CACHE_MAX_BYTES).toBe(256 * 1024 ** 2);
    expect(loadEnv({ CACHE_MAX_BYTES: '1000000' }).CACHE_MAX_BYTES).toBe(1_000_000);
    expect(loadEnv({ CACHE_MAX_BYTES: '512MB' }).CACHE_MAX_BYTES).toBe(512 * 1024 ** 2);
    expect(loadEnv({ CACHE_MAX_BYTES: '1g' }).CACHE_MAX_BYTES).toBe(1024 ** 3);
    expect(loadEnv({ CACHE_MAX_BYTES: '0' }).CACHE_MAX_BYTES).toBe(0);
  });

  it('refuses what is not a size', () => {
    for (const bad of ['-1', 'lots', '256 TB', '1.5GB', '65GB']) expect(() => loadEnv({ CACHE_MAX_BYTES: bad }), bad).toThrow(/CACHE_MAX_BYTES/);
  });
});
