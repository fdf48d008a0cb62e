import { type ChildProcess, spawn } from 'node:child_process';
import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { seedFromDir } from '../graph-seed/load';
import { startLocalNeo4j } from '../neo4j/control';
import { loadDotenv } from '../lib/load-dotenv';
import { buildIsCurrent, markBuilt, sourceHash } from './build-stamp';

/**
 * `npm start`: the local Neo4j (unless NEO4J_URI names another), the seed, a production build
 * (skipped when sources, configuration and lockfile are unchanged since the last one: build-stamp.ts),
 * and the app on http://localhost:3000 (PORT to change it).
 *
 * SIGTERM/SIGINT reach the build or the server (scripts/serve.mjs, which shuts down gracefully), and
 * this process exits only after its child has: no orphan keeps the port. The npm script `exec`s
 * node directly (npm signals its child, and a shell in between would not pass the signal on).
 */
let child: ChildProcess | null = null;
let stopping = false;
function stop(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP'): void {
  stopping = true;
  if (child && child.exitCode === null) child.kill(signal);
  else process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
// If whoever started us dies without a signal reaching us (npm killed with SIGKILL), stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) stop('SIGTERM');
}, 1_000).unref();

/** Runs a command with this terminal; resolves with its exit code once it has exited. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function main(): Promise<void> {
  loadDotenv();
  const env = loadEnv();
  await startLocalNeo4j(env);
  if (env.local || process.env.SEED_ON_START === '1') {
    const driver = createDriver(env);
    try {
      const counts = await seedFromDir(driver, env.NEO4J_DATABASE);
      console.log(`Seed loaded: ${counts.nodes} entities, ${counts.relationships} relationships, ${counts.sources} sources (${counts.created.nodes} new).`);
    } finally {
      await driver.close();
    }
  }
  if (stopping) return;
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (buildIsCurrent(distDir)) {
    console.log(`The build in ${distDir} is of the current sources: not building again (delete ${distDir} to force a build).`);
  } else {
    const hash = sourceHash(distDir);
    // Binaries directly, not through npx: a signal to npx is not always passed on to its child.
    const build = await run(process.execPath, [require.resolve('next/dist/bin/next'), 'build']);
    if (build !== 0) throw new Error(stopping ? 'Stopped during the build.' : 'The build failed; see above.');
    markBuilt(distDir, hash);
  }
  if (stopping) return;
  const port = process.env.PORT ?? '3000';
  console.log(`\nOpen http://localhost:${port} (Ctrl+C stops the app; \`npm run db:stop\` stops the database).\n`);
  process.exit(await run(process.execPath, ['scripts/serve.mjs']));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
