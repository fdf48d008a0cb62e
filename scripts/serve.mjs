// The production HTTP server: Next.js's request handler behind our own http.Server, so that
//  - the client's address reaches the app from the socket, never from a header a client could forge
//    (the app's instrumentation stamps it on every request: lib/http/socket-address.ts);
//  - SIGTERM/SIGINT shut down gracefully: stop accepting, let in-flight requests finish within
//    SHUTDOWN_GRACE_MS (10 s), close keep-alive connections, then close the Neo4j driver and the
//    worker threads, and exit. (`next start` waits for idle keep-alive connections to go away by
//    themselves, which a browser may take minutes to do.)
//  - WEB_CONCURRENCY > 1 runs that many app processes on the one port (node:cluster): the app is
//    stateless, so they are independent instances, each with its own read cache, rate limiter and
//    worker threads, as behind a load balancer. The first process forwards SIGTERM/SIGINT to them
//    and exits when they all have.
// Plain JavaScript on purpose: it runs with `node`, no build step of its own.
//  - a GET that the read cache can answer as it stands skips Next.js's routing (lib/http/edge-cache.ts):
//    same body and headers, rate limit included, at a fraction of the CPU; so does a JSON read that
//    misses the cache (lib/http/api-desk.ts: the routes' own functions, without Next.js's router).
//  - SIGUSR2 prints one status line: the process's memory and the read cache's bytes and bound
//    (after a garbage collection when node runs with --expose-gc).
//   PORT (3000), HOST (0.0.0.0), NEXT_DIST_DIR (.next) as for `next start`; WEB_CONCURRENCY (1);
//   SERVE_FAST_PATH=0 routes every request through Next.js (neither front door nor desk).
import cluster from 'node:cluster';
import http from 'node:http';
import next from 'next';

// The app's side of the one seam between this server and the app (lib/server-seam.ts): the read
// cache's front door and the shutdown hooks, met on one globalThis key.
/** @returns {import('../lib/server-seam').ServerSeam | undefined} */
const seam = () => globalThis[Symbol.for('graph-explorer.server-seam')];

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const processes = Number(process.env.WEB_CONCURRENCY || 1);
if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
  console.error(`[serve] WEB_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.WEB_CONCURRENCY}"`);
  process.exit(1);
}

if (processes > 1 && cluster.isPrimary) {
  let stopping = false;
  const live = () => Object.keys(cluster.workers ?? {}).length;
  const listening = new Set();
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    // During shutdown the primary leaves when the last one has gone. Before, a process that died after
    // it had served is replaced; one that never got to listen (a bad configuration, a busy port) is not.
    if (stopping || !listening.has(worker.id)) {
      if (!stopping) console.error(`[serve] app process ${worker.process.pid} failed to start (${signal ?? code})`);
      if (live() === 0) process.exit(stopping ? 0 : 1);
      return;
    }
    console.error(`[serve] app process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (live() === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} else {
  await serve();
}

/** One app process: Next.js's handler behind an http.Server, with graceful shutdown. */
async function serve() {
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Read after prepare(), which has loaded .env files like `next start` does.
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);
  // LOG_REQUESTS=1 prints a line as each request starts, naming what answers it: cache, desk or next
  // (debugging; the shutdown and desk tests wait on it).
  const logRequests = process.env.LOG_REQUESTS === '1';
  // SERVE_FAST_PATH=0 sends every request through Next.js (to compare, or to rule it out).
  const fastPath = process.env.SERVE_FAST_PATH !== '0';

  let inFlight = 0;
  let stopping = false;
  let drained = () => {};

  if (!seam()?.clientAddressHeader) {
    console.error('[serve] the app did not install its client-address stamp: every client shares one rate-limit bucket');
  }

  const server = http.createServer((req, res) => {
    inFlight += 1;
    // A request that arrives on a kept-alive connection during shutdown is still served, then closes it.
    if (stopping) res.setHeader('Connection', 'close');
    res.on('close', () => {
      inFlight -= 1;
      if (stopping && inFlight === 0) drained();
    });
    const by = answer(req, res);
    if (logRequests) console.log(`[serve] request ${req.method} ${req.url} (${by})`);
  });

  /**
   * A GET the read cache can answer as it stands is answered here, before Next.js routes it
   * (lib/http/edge-cache.ts); so is a JSON read the app's desk takes (lib/http/api-desk.ts), by the
   * same functions as its routes; anything else, or any doubt, goes to Next.js. Says which did.
   */
  function answer(req, res) {
    if (fastPath && req.method === 'GET') {
      try {
        const cached = seam()?.answerFromCache?.(req);
        if (cached) {
          send(res, cached);
          return 'cache';
        }
        const pending = seam()?.answerDirectly?.(req);
        if (pending) {
          pending.then((direct) => send(res, direct)).catch((error) => failed(res, error));
          return 'desk';
        }
      } catch (error) {
        console.error('[serve] front door failed; routing normally', error);
      }
    }
    handle(req, res).catch((error) => failed(res, error));
    return 'next';
  }
  server.keepAliveTimeout = 5_000;

  /** @param {import('node:http').ServerResponse} res @param {import('../lib/server-seam').EdgeAnswer} answer */
  function send(res, answer) {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
  }

  function failed(res, error) {
    console.error('[serve] unhandled error', error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Cache-Control', 'no-store');
      res.end();
    }
  }

  server.listen(port, host, () => {
    console.log(`[serve] ready on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (pid ${process.pid})`);
  });

  async function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    console.log(`[serve] ${signal}: no new connections; finishing ${inFlight} request(s) (at most ${graceMs} ms)`);
    server.close();
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise((resolve) => {
        drained = resolve;
        setTimeout(resolve, graceMs).unref();
      });
    }
    server.closeAllConnections();
    const hooks = seam()?.shutdownHooks;
    await Promise.allSettled([...(hooks?.values() ?? [])].map((hook) => hook()));
    await app.close?.().catch(() => {});
    console.log(`[serve] stopped after ${Date.now() - started} ms${inFlight > 0 ? ` (${inFlight} request(s) cut off)` : ''}`);
    process.exit(0);
  }

  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGUSR2', () => {
    // With node --expose-gc, garbage is collected first: the figures are then what is really held.
    // Twice: a collection finishes freeing the previous one's buffers (their memory is `external`).
    globalThis.gc?.();
    globalThis.gc?.();
    const reports = Object.fromEntries([...(seam()?.statusReports ?? [])].map(([name, report]) => [name, report()]));
    console.log(`[serve] status ${JSON.stringify({ pid: process.pid, memory: process.memoryUsage(), ...reports })}`);
  });
}
