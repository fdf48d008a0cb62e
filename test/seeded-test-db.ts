import neo4j from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { testDriver } from './db';
import { seedFromDir } from '../graph-seed/load';

/**
 * For integration test files: a driver on the test database, seeded with the default data before the
 * file's tests and closed after them, and a helper for read-only checks.
 */
export function seededTestDatabase() {
  const { driver, database } = testDriver();
  const read = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { database, routing: neo4j.routing.READ })).records;
  beforeAll(async () => {
    await seedFromDir(driver, database);
  });
  afterAll(async () => {
    await driver.close();
  });
  return { driver, database, read };
}
