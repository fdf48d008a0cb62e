import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadEnv } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { seedFromDir } from '../graph-seed/load';
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/control';
import { testEnvironment } from '../test/test-env';
import { buildIsCurrent, markBuilt, sourceHash } from './build-stamp';

/**
 * `npm test`: unit tests, then a real Neo4j on its own port and data folder (started here when none
 * answers, seeded, stopped at the end if started here), integration tests, a production build, the
 * system tests (real HTTP against that build; FUZZ_CASES sets the fuzz size) and the browser tests.
 * The build and the database start at once, beside the unit tests; the build (its output goes to
 * .data/test-reports/build.log, shown if it fails) is skipped when the last one is of the current
 * sources (build-stamp.ts). Every suite runs even when an earlier one fails; the exit code
 * says if any did.
 */

const REPORTS = path.resolve('.data/test-reports');
const WITH_E2E = !process.argv.includes('--no-e2e');

interface Tally { passed: number; failed: number; skipped: number }
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

function step(title: string): void {
  console.log(`\n=== ${title} (at ${elapsed()}) ===`);
}

/** Runs a suite as a child process; async, so this process keeps reaping the database it started. */
async function run(title: string, command: string, args: string[]): Promise<boolean> {
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
  if (status !== 0) failures.push(title);
  return status === 0;
}

function addVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  total.passed += stats.expected + stats.flaky;
  total.failed += stats.unexpected;
  total.skipped += stats.skipped;
}

async function vitest(project: 'unit' | 'integration' | 'system'): Promise<void> {
  const report = path.join(REPORTS, `vitest-${project}.json`);
  await run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  addVitest(report);
}

/** The production build for the system and browser tests, started at once; resolves when it is done. */
function buildInBackground(): Promise<boolean> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';
  if (buildIsCurrent(distDir)) {
    console.log(`(The build in ${distDir} is of the current sources: not building again.)`);
    return Promise.resolve(true);
  }
  const hash = sourceHash(distDir);
  const logFile = path.join(REPORTS, 'build.log');
  const log = createWriteStream(logFile);
  console.log(`(Building in the background; its output goes to ${path.relative(process.cwd(), logFile)}.)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      log.end(() => {
        if (code === 0) {
          markBuilt(distDir, hash);
          console.log(`(Build finished at ${elapsed()}.)`);
          resolve(true);
        } else {
          console.log(`\n=== The build failed ===\n${readFileSync(logFile, 'utf8')}`);
          failures.push('build');
          resolve(false);
        }
      });
    });
  });
}

async function main(): Promise<number> {
  Object.assign(process.env, testEnvironment());
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const env = loadEnv();
  const built = WITH_E2E ? buildInBackground() : Promise.resolve(false);

  // The database starts beside the unit tests too (its messages held until they are done).
  const databaseLog: string[] = [];
  const database = startLocalNeo4j(env, (line) => databaseLog.push(line)).then((result) => ({ result }), (error: unknown) => ({ error }));

  step('Unit tests');
  await vitest('unit');

  step(`Test database (${env.uri}, data in ${env.NEO4J_LOCAL_DIR})`);
  const outcome = await database;
  for (const line of databaseLog) console.log(line);
  if ('error' in outcome) throw outcome.error;
  const started = outcome.result;
  try {
    const driver = createDriver(env);
    try {
      const counts = await seedFromDir(driver, env.NEO4J_DATABASE);
      console.log(`Seeded: ${counts.nodes} entities, ${counts.relationships} relationships, ${counts.sources} sources.`);
    } finally {
      await driver.close();
    }

    step('Integration tests (real Neo4j)');
    await vitest('integration');

    if (WITH_E2E) {
      step('Production build for the system and browser tests');
      if (await built) {
        step('System tests (HTTP against the production build: malformed input, fuzzing, database faults, shutdown)');
        await vitest('system');

        step('Browser tests (Playwright, Chromium)');
        process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = path.join(REPORTS, 'playwright.json');
        await run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json']);
        addPlaywright(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME);
      }
    }
  } finally {
    if (started === 'started') await stopLocalNeo4j(env);
  }

  console.log(`\n${failures.length === 0 ? 'All suites passed.' : `Failed: ${failures.join(', ')}.`} (${elapsed()})`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return failures.length === 0 && total.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.log(`${total.passed} passed, ${total.failed + 1} failed, ${total.skipped} skipped`);
  process.exit(1);
});
