import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { getNode, searchEntities } from '@/lib/db/queries';
import { forgetSchema } from '@/lib/db/schema';
import { closeNeo4j, getNeo4j, readQuery } from '@/lib/db/driver';
import { neo4jPassword } from '@/lib/db/local-password';
import { testEnvironment } from './test-env';

// What a cluster or Aura needs, checked against the single local server: the routing scheme
// (neo4j://), READ routing for every query, no bookmarks, and no state kept between requests.
const port = testEnvironment().NEO4J_LOCAL_PORT;
const routed = `neo4j://127.0.0.1:${port}`;

afterAll(async () => {
  await closeNeo4j();
  forgetSchema();
});

describe('the app over a routing (neo4j://) connection', () => {
  it('answers search and details through the routing driver, and every query is routed as a read', async () => {
    await closeNeo4j();
    forgetSchema();
    process.env.NEO4J_URI = routed;
    expect(getNeo4j().env.uri).toBe(routed);
    expect((await searchEntities('Chongqing', 3))[0]?.id).toBe('place:chongqing');
    expect(await getNode('org:most')).toMatchObject({ id: 'org:most', type: 'Organization' });
    // READ routing: the server refuses a write, so no code path can change the database.
    await expect(readQuery('CREATE (n:Entity {id: "x:routed"}) RETURN n', {})).rejects.toMatchObject({ code: 'database_error' });
  });

  it('reads need no bookmarks: a fresh driver without a bookmark manager reads what is there', async () => {
    const driver = neo4j.driver(routed, neo4j.auth.basic('neo4j', neo4jPassword(getNeo4j().env)), { maxConnectionPoolSize: 4 });
    try {
      const { records } = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS entities', {},
        { routing: neo4j.routing.READ, database: 'neo4j', bookmarkManager: null });
      expect(records[0]?.get('entities').toNumber()).toBeGreaterThan(200);
      // The routing table the driver fetched names this server as a reader.
      const info = await driver.getServerInfo({ database: 'neo4j' });
      expect(info.address).toBe(`127.0.0.1:${port}`);
    } finally {
      await driver.close();
    }
  });
});
