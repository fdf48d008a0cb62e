// The production HTTP server: Next.js's request handler behind our own http.Server, so that
//  - the client's address reaches the app from the socket (x-client-address), never from a header
//    a client could forge (see lib/http/rate-limit.ts);
//  - SIGTERM/SIGINT shut down gracefully: stop accepting, let in-flight requests finish within
//    SHUTDOWN_GRACE_MS (10 s), close keep-alive connections, then close the Neo4j driver and the
//    worker threads, and exit. (`next start` waits for idle keep-alive connections to go away by
//    themselves, which a browser may take minutes to do.)
// Plain JavaScript on purpose: it runs with `node`, no build step of its own.
//   PORT (3000), HOST (0.0.0.0), NEXT_DIST_DIR (.next) as for `next start`.
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();
// Read after prepare(), which has loaded .env files like `next start` does.
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);
// LOG_REQUESTS=1 prints a line as each request starts (debugging; the shutdown test waits on it).
const logRequests = process.env.LOG_REQUESTS === '1';

let inFlight = 0;
let stopping = false;
let drained = () => {};

const server = http.createServer((req, res) => {
  req.headers['x-client-address'] = req.socket.remoteAddress ?? 'unknown';
  inFlight += 1;
  if (logRequests) console.log(`[serve] request ${req.method} ${req.url}`);
  // A request that arrives on a kept-alive connection during shutdown is still served, then closes it.
  if (stopping) res.setHeader('Connection', 'close');
  res.on('close', () => {
    inFlight -= 1;
    if (stopping && inFlight === 0) drained();
  });
  handle(req, res).catch((error) => {
    console.error('[serve] unhandled error', error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Cache-Control', 'no-store');
      res.end();
    }
  });
});
server.keepAliveTimeout = 5_000;

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
  const hooks = globalThis[Symbol.for('graph-explorer.shutdown-hooks')];
  await Promise.allSettled([...(hooks?.values() ?? [])].map((hook) => hook()));
  await app.close?.().catch(() => {});
  console.log(`[serve] stopped after ${Date.now() - started} ms${inFlight > 0 ? ` (${inFlight} request(s) cut off)` : ''}`);
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
