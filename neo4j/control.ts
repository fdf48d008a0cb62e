import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../lib/env';
import { createDriver } from '../lib/db/create-driver';
import { ensureLocalPassword, localPasswordFile } from '../lib/db/local-password';

/**
 * Starts and stops the local Neo4j (neo4j/src/.../Launcher.java) as a background process.
 * Readiness is a real signal: a Bolt handshake that succeeds, never a fixed sleep.
 */

// npm scripts, Vitest and Playwright all run from the project root.
const LAUNCHER_DIR = path.resolve('neo4j');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src', 'main', 'java', 'org', 'graphexplorer', 'db', 'Launcher.java');
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

type Log = (line: string) => void;

function files(env: Env) {
  const dataDir = path.resolve(env.NEO4J_LOCAL_DIR);
  return { dataDir, pidFile: `${dataDir}.pid`, logFile: `${dataDir}.log` };
}

/** True when a Bolt server answers at env.uri and accepts our credentials. */
export async function boltAnswers(env: Env): Promise<boolean> {
  const driver = createDriver(env);
  try {
    await driver.verifyConnectivity({ database: env.NEO4J_DATABASE });
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function isNewer(file: string, than: string): boolean {
  return existsSync(file) && existsSync(than) && statSync(file).mtimeMs > statSync(than).mtimeMs;
}

/** Resolves Neo4j with Maven and compiles the launcher when that has not happened yet. */
export async function ensureLauncherBuilt(log: Log): Promise<void> {
  const pom = path.join(LAUNCHER_DIR, 'pom.xml');
  if (existsSync(CLASSPATH_FILE) && !isNewer(pom, CLASSPATH_FILE) && !isNewer(LAUNCHER_SOURCE, CLASSPATH_FILE)) return;
  log('Resolving Neo4j 5.26 with Maven and compiling the launcher (the first time this downloads about 150 MB)...');
  const output: string[] = [];
  let downloaded = 0;
  const status = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-f', pom, 'compile'], { stdio: ['ignore', 'pipe', 'pipe'] });
    mvn.on('error', (error) => reject(new Error(`Could not run Maven (is it installed and on PATH?): ${error.message}`)));
    const onLine = (line: string) => {
      output.push(line);
      // Progress without Maven's hundreds of lines: a count every 100 artifacts.
      if (/^\[INFO\] Downloaded from /.test(line) && ++downloaded % 100 === 0) log(`  ...${downloaded} artifacts downloaded`);
    };
    for (const stream of [mvn.stdout, mvn.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    mvn.on('close', resolve);
  });
  if (status !== 0 || !existsSync(CLASSPATH_FILE)) {
    throw new Error(`Maven failed (exit ${status}). Its last lines:\n${output.slice(-30).join('\n')}`);
  }
  // Maven leaves an unchanged classpath file alone; mark it fresh so the next start skips Maven.
  const now = new Date();
  utimesSync(CLASSPATH_FILE, now, now);
  log(`Neo4j resolved${downloaded > 0 ? ` (${downloaded} artifacts downloaded)` : ''}.`);
}

function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited child that its parent has not reaped yet still answers kill(0): a zombie is not alive.
  const stat = `/proc/${pid}/stat`;
  if (existsSync(stat) && /^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'))) return false;
  // After a reboot the pid in the file may belong to another program: only our launcher counts.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('org.graphexplorer.db.Launcher');
}

function logTail(logFile: string): string {
  if (!existsSync(logFile)) return '(no log)';
  return readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return condition();
}

export type StartResult = 'started' | 'already-running' | 'external';

/** Starts the local Neo4j in the background and resolves once Bolt answers. Safe to call twice. */
export async function startLocalNeo4j(env: Env, log: Log = console.log): Promise<StartResult> {
  if (!env.local) {
    log(`NEO4J_URI is set (${env.uri}): using that Neo4j, nothing local to start.`);
    return 'external';
  }
  const { dataDir, pidFile, logFile } = files(env);
  if (await boltAnswers(env)) {
    log(`Neo4j already answers on ${env.uri}.`);
    return 'already-running';
  }
  const stalePid = readPid(pidFile);
  // Set when this call spawns the JVM: its exit event is the truth about it. Probing /proc right
  // after spawn can see the forked process before it has exec'd java (an earlier source of
  // "exited while starting" while the JVM was in fact still starting).
  let exited: Promise<number | null> | null = null;
  let exitCode: number | null | undefined;
  if (stalePid !== null && isAlive(stalePid)) {
    log(`Neo4j (pid ${stalePid}) is still starting; waiting for Bolt...`);
  } else {
    ensureLocalPassword(env);
    await ensureLauncherBuilt(log);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const classpath = `${path.join(LAUNCHER_DIR, 'target', 'classes')}${path.delimiter}${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
    const out = openSync(logFile, 'a');
    const child = spawn('java', [
      `-Xmx${env.NEO4J_LOCAL_HEAP_MB}m`, `-Xms${Math.min(env.NEO4J_LOCAL_HEAP_MB, 256)}m`,
      '-XX:+ExitOnOutOfMemoryError',
      ...(env.NEO4J_LOCAL_JIT === 'quick' ? ['-XX:TieredStopAtLevel=1'] : []),
      // The same module openings the packaged Neo4j server passes to its JVM.
      '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED', '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-cp', classpath, 'org.graphexplorer.db.Launcher',
    ], {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NEO4J_LOCAL_DIR: dataDir,
        NEO4J_LOCAL_PORT: String(env.NEO4J_LOCAL_PORT),
        NEO4J_LOCAL_PAGECACHE_MB: String(env.NEO4J_LOCAL_PAGECACHE_MB),
        NEO4J_LOCAL_TX_TIMEOUT_S: String(env.NEO4J_LOCAL_TX_TIMEOUT_S),
        NEO4J_LOCAL_TX_MAX_MB: String(env.NEO4J_LOCAL_TX_MAX_MB),
        NEO4J_LOCAL_PASSWORD_FILE: localPasswordFile(env),
      },
    });
    closeSync(out);
    if (child.pid === undefined) throw new Error('Could not start java (is Java 17+ installed and on PATH?).');
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    void exited.then((code) => { exitCode = code; });
    writeFileSync(pidFile, String(child.pid));
    child.unref();
    log(`Starting Neo4j 5.26 (pid ${child.pid}, data in ${path.relative(process.cwd(), dataDir) || dataDir}, log in ${path.relative(process.cwd(), logFile)})...`);
  }
  const pid = readPid(pidFile);
  const ready = await waitUntil(async () => {
    const gone = exited ? exitCode !== undefined : pid !== null && !isAlive(pid);
    if (gone) throw new Error(`Neo4j exited while starting${exitCode != null ? ` (exit code ${exitCode})` : ''}. Last lines of its log:\n${logTail(logFile)}`);
    return boltAnswers(env);
  }, READY_TIMEOUT_MS, 250);
  if (!ready) throw new Error(`Neo4j did not answer on ${env.uri} within ${READY_TIMEOUT_MS / 1000} s. Log:\n${logTail(logFile)}`);
  log(`Neo4j is ready on ${env.uri}.`);
  return 'started';
}

export type StopResult = 'stopped' | 'not-running' | 'external';

/** Stops the local Neo4j started by startLocalNeo4j and waits for its process to exit. Safe to call twice. */
export async function stopLocalNeo4j(env: Env, log: Log = console.log): Promise<StopResult> {
  if (!env.local) {
    log(`NEO4J_URI is set (${env.uri}): that Neo4j is not managed here.`);
    return 'external';
  }
  const { pidFile } = files(env);
  const pid = readPid(pidFile);
  if (pid === null || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    log(await boltAnswers(env)
      ? `A Neo4j answers on ${env.uri} but was not started by db:start; leaving it alone.`
      : 'The local Neo4j is not running.');
    return 'not-running';
  }
  process.kill(pid, 'SIGTERM');
  const exited = await waitUntil(() => !isAlive(pid), STOP_TIMEOUT_MS, 100);
  if (!exited) throw new Error(`Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s.`);
  rmSync(pidFile, { force: true });
  log('The local Neo4j has stopped.');
  return 'stopped';
}
