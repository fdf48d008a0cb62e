import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Env, loadEnv } from '../lib/env';
import { ensureLauncherBuilt, type StartResult, stopLocalNeo4j } from '../neo4j/control';
import { startSeeded } from '../test/db';
import { besideTestDatabase, testEnvironment } from '../test/test-env';
import { buildIsCurrent, markBuilt, sourceHash } from './build-stamp';

/**
 * `npm test`: unit tests; two real Neo4j databases on ports and folders of their own (started here
 * when none answers, seeded, stopped at the end if started here); the integration tests on one of
 * them, beside the system tests that stop a database (real HTTP against a production build) on the
 * other, then the browser tests there, beside the other system tests (bounds, fuzzing with
 * FUZZ_CASES cases, HTTP) back on the first once the integration tests are done. The build and both
 * databases start at once, beside the unit tests; the build (its output goes to .data/test-reports/build.log, shown if it fails) is
 * skipped when the last one is of the current sources (build-stamp.ts). Every suite runs even when
 * an earlier one fails; the exit code says if any did.
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
  // A test that passed only when run again (with a trace; playwright.config.ts) counts as failed.
  total.passed += stats.expected;
  total.failed += stats.unexpected + stats.flaky;
  if (stats.flaky > 0) failures.push(`${stats.flaky} browser test(s) passed only on a second run`);
  total.skipped += stats.skipped;
}

/** `vitest run` of one project (or of some of its files), its results also written to `report` (read by addVitest). */
function vitestArgs(project: string, report: string, files: string[] = []): string[] {
  return ['vitest', 'run', '--project', project, ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
}

async function vitest(project: 'unit' | 'system', files: string[] = [], name: string = project): Promise<void> {
  const report = path.join(REPORTS, `vitest-${name}.json`);
  await run(`${name} tests`, 'npx', vitestArgs(project, report, files));
  addVitest(report);
}

/**
 * The system tests that stop or freeze the test database run first and alone; the others (bounds,
 * fuzzing, HTTP, the desk) then run beside the browser tests, on the integration tests' database
 * once those are done (one of them loads the seed again) and on ports of their own.
 */
const SYSTEM_ALONE = ['test/faults.system.test.ts'];
const SYSTEM_BESIDE = ['test/bounds.system.test.ts', 'test/fuzz.system.test.ts', 'test/http.system.test.ts'];
const SYSTEM_BESIDE_PORT_SHIFT = 50;

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

/** The integration tests' own database (test-env.ts), as the variables that move the whole test environment there. */
function integrationEnvironment(): Record<string, string> {
  const beside = besideTestDatabase(2, 'integration');
  return { NEO4J_TEST_PORT: beside.NEO4J_LOCAL_PORT, NEO4J_TEST_DIR: beside.NEO4J_LOCAL_DIR };
}

/** Starts (or reuses) a test database and seeds it; messages are held and returned, to be shown in order. */
async function seededDatabase(env: Env, launcher: Promise<void>): Promise<{ started: StartResult; log: string[] }> {
  const log: string[] = [];
  await launcher;
  return { started: await startSeeded(env, (line) => log.push(line)), log };
}

/** A vitest project (or some of its files) as a child process whose output goes to a file, shown when it is done. */
async function vitestInBackground(project: 'integration' | 'system', extraEnv: Record<string, string>, files: string[] = [], name: string = project): Promise<() => void> {
  const report = path.join(REPORTS, `vitest-${name}.json`);
  const logFile = path.join(REPORTS, `${name}.log`);
  const log = createWriteStream(logFile);
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', vitestArgs(project, report, files), {
      env: { ...process.env, ...extraEnv, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
  await new Promise<void>((resolve) => log.end(resolve));
  return () => {
    process.stdout.write(readFileSync(logFile, 'utf8'));
    if (status !== 0) failures.push(`${name} tests`);
    addVitest(report);
  };
}

async function main(): Promise<number> {
  Object.assign(process.env, testEnvironment());
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const env = loadEnv();
  const integrationVars = integrationEnvironment();
  const integrationEnv = loadEnv({ ...process.env, ...testEnvironment({ ...process.env, ...integrationVars }) });
  const built = WITH_E2E ? buildInBackground() : Promise.resolve(false);

  // Both databases start beside the unit tests (the launcher compiled once first), each seeded: one
  // for the integration tests (then the system tests that leave the database alone), the other for
  // the system tests that stop it and the browser tests.
  const launcher = ensureLauncherBuilt(console.log);
  const envs = [env, integrationEnv];
  const databases = envs.map((dbEnv) => seededDatabase(dbEnv, launcher)
    .then((result) => ({ result }), (error: unknown) => ({ error })));
  const started: Env[] = [];

  step('Unit tests');
  await vitest('unit');

  step(`Test databases (${env.uri} in ${env.NEO4J_LOCAL_DIR}; for the integration tests ${integrationEnv.uri} in ${integrationEnv.NEO4J_LOCAL_DIR})`);
  const outcomes = await Promise.all(databases);
  outcomes.forEach((outcome, i) => {
    if ('result' in outcome) {
      for (const line of outcome.result.log) console.log(line);
      if (outcome.result.started === 'started') started.push(envs[i]!);
    }
  });
  try {
    for (const outcome of outcomes) if ('error' in outcome) throw outcome.error;

    step('Integration tests (real Neo4j), beside what follows; their output comes when they are done');
    const integration = vitestInBackground('integration', integrationVars);
    let systemBeside: Promise<() => void> | null = null;

    if (WITH_E2E) {
      step('Production build for the system and browser tests');
      if (await built) {
        step('System tests that stop the database (HTTP against the production build: database faults, shutdown)');
        await vitest('system', SYSTEM_ALONE, 'system-faults');

        step('Browser tests (Playwright, Chromium), beside the other system tests (bounds, fuzzing, HTTP); their output comes when they are done');
        systemBeside = integration.then(() => vitestInBackground('system', {
          ...integrationVars, APP_TEST_PORT: String(Number(testEnvironment().APP_TEST_PORT) + SYSTEM_BESIDE_PORT_SHIFT),
        }, SYSTEM_BESIDE, 'system'));
        process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = path.join(REPORTS, 'playwright.json');
        await run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json']);
        addPlaywright(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME);
      }
    }
    const showIntegration = await integration;
    step('Integration tests: their output');
    showIntegration();
    if (systemBeside) {
      const showSystem = await systemBeside;
      step('System tests beside the browser tests: their output');
      showSystem();
    }
  } finally {
    await Promise.all(started.map((dbEnv) => stopLocalNeo4j(dbEnv)));
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
