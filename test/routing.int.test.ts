import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { getNode, searchEntities } from '@/lib/db/queries';
import { forgetSchema } from '@/lib/db/schema';
import { closeNeo4j, getNeo4j, readQuery } from '@/lib/db/driver';
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

  it('opens every read of the app as a READ session without bookmarks, so any cluster member may answer at once', async () => {
    const { driver } = getNeo4j();
    const opened: Array<Record<string, unknown>> = [];
    const session = driver.session.bind(driver);
    driver.session = ((config: Record<string, unknown>) => {
      opened.push(config);
      return session(config);
    }) as typeof driver.session;
    try {
      expect((await searchEntities('Kazakhstan', 3))[0]?.id).toBe('country:KAZ');
      expect(await getNode('place:chongqing')).toMatchObject({ id: 'place:chongqing' });
    } finally {
      driver.session = session;
    }
    expect(opened.length).toBeGreaterThan(0);
    for (const config of opened) {
      expect(config.defaultAccessMode).toBe(neo4j.session.READ);
      expect(config.bookmarks ?? []).toEqual([]);
      expect(config.bookmarkManager).toBeUndefined();
    }
    // The routing table the app's driver fetched names this server as a reader.
    expect((await driver.getServerInfo({ database: 'neo4j' })).address).toBe(`127.0.0.1:${port}`);
  });
});
