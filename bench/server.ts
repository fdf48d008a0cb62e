import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts the production server (scripts/serve.mjs, as `npm start` runs it) for a benchmark: on
 * 127.0.0.1:`port`, rate limit off (every request of a benchmark comes from one address), with `env`
 * (database, build folder, cache settings) and `nodeArgs` for node itself (a profiler, say). Ready
 * is the server's own "ready" line: another server already on the port must not pass for it.
 */
export async function startServer(port: number, env: NodeJS.ProcessEnv = process.env, nodeArgs: string[] = []): Promise<ChildProcess> {
  const app = spawn(process.execPath, [...nodeArgs, 'scripts/serve.mjs'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_PER_SECOND: '0' },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app did not start within 120 s')), 120_000);
    app.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('[serve] ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    app.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) while starting: is there a build (npm run build), is port ${port} free?`));
    });
  });
  return app;
}
