/**
 * The environment every test run uses: its own Neo4j port and data folder, its own Next build
 * folder and port, so `npm test` never touches a user's database or build.
 */
export function testEnvironment(base: NodeJS.ProcessEnv = process.env) {
  const port = base.NEO4J_TEST_PORT ?? '7697';
  return {
    NEO4J_LOCAL_PORT: port,
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: '',
    NEO4J_DATABASE: 'neo4j',
    NEO4J_LOCAL_DIR: base.NEO4J_TEST_DIR ?? '.data/neo4j-test',
    NEO4J_LOCAL_JIT: 'quick',
    NEO4J_QUERY_TIMEOUT_MS: '8000',
    NEXT_DIST_DIR: '.next-test',
    NEXT_PUBLIC_E2E: '1',
    APP_TEST_PORT: base.APP_TEST_PORT ?? '3100',
  } satisfies Record<string, string>;
}

/**
 * Another local Neo4j beside the test database: its port + `offset`, its folder + `-suffix`. In use:
 * +1 other graphs (`-foreign`), +2 the integration tests' own (`-integration`, whose other graphs
 * are then +3), +4 the browser test that stops its database (`-down`).
 */
export function besideTestDatabase(offset: number, suffix: string, base: NodeJS.ProcessEnv = process.env) {
  const test = testEnvironment(base);
  const port = String(Number(test.NEO4J_LOCAL_PORT) + offset);
  return { ...test, NEO4J_LOCAL_PORT: port, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_LOCAL_DIR: `${test.NEO4J_LOCAL_DIR}-${suffix}` };
}
