import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { testEnvironment } from './test-env';

/**
 * Starts the production server (scripts/serve.mjs, on the test build in .next-test) as its own
 * process, for tests that need real HTTP: malformed paths, fuzzing, faults and shutdown. Ready
 * means /api/health answered (any status): no sleeps.
 */
export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Lines the server printed (stdout and stderr). */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer; ms: number }

export interface RawOptions {
  agent?: http.Agent;
  headers?: Record<string, string>;
  timeoutMs?: number;
  method?: string;
  /** The address to connect from (any of 127.0.0.0/8 reaches a loopback server): another client. */
  localAddress?: string;
}

/** GET with the path sent exactly as given (no URL normalisation), over a fresh connection unless an agent is given. */
export function rawGet(url: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    // maxHeaderSize: Next's 308 for a path with `//` repeats an 8 KB path in Location and Refresh.
    const req = http.request({ hostname, port, path, method: options.method ?? 'GET', agent: options.agent ?? false, headers: options.headers, timeout: options.timeoutMs ?? 30_000, maxHeaderSize: 65_536, localAddress: options.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes, ms: performance.now() - start });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms: ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

export async function startApp(port: number, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<AppProcess> {
  return launch([...nodeArgs, 'scripts/serve.mjs'], '[serve] ready', port, extraEnv);
}

/** The same build under Next.js's own server (`next start`), as the README offers for one's own database. */
export async function startNextStart(port: number, extraEnv: Record<string, string> = {}): Promise<AppProcess> {
  const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  const app = await launch([next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], 'Ready in', port, extraEnv);
  // `next start` says it is ready before it has loaded the app; the first answer comes once it has.
  await rawGet(app.url, '/api/health', { timeoutMs: 120_000 });
  return app;
}

async function launch(args: string[], readyLine: string, port: number, extraEnv: Record<string, string>): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...testEnvironment(), PORT: String(port), HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      if (chunk.toString('utf8').includes(readyLine)) {
        child.stdout!.off('data', onLine);
        resolve();
      }
    };
    child.stdout!.on('data', onLine);
    void exited.then((code) => reject(new Error(`the app exited (${code}) while starting:\n${output.join('\n')}`)));
  });
  await ready;
  return {
    url, port, child, output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The resident memory of a process, in bytes, as the kernel counts it (Linux). */
export function residentBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** The status line scripts/serve.mjs prints on SIGUSR2 (memory, the caches' bytes and bounds; after a GC with --expose-gc). */
export async function serverStatus<T = Record<string, unknown>>(app: AppProcess): Promise<T> {
  const line = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      const found = chunk.toString('utf8').split('\n').find((l) => l.startsWith('[serve] status '));
      if (found) {
        app.child.stdout!.off('data', onData);
        resolve(found);
      }
    };
    app.child.stdout!.on('data', onData);
  });
  app.child.kill('SIGUSR2');
  return JSON.parse((await line).slice('[serve] status '.length)) as T;
}
