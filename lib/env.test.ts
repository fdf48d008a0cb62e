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
    try {
      loadEnv({ NEO4J_URI: 'http://x', NEO4J_LOCAL_PORT: 'abc' });
    } catch (error) {
      expect((error as Error).message).toMatch(/NEO4J_URI/);
      expect((error as Error).message).toMatch(/NEO4J_LOCAL_PORT/);
    }
  });
});
