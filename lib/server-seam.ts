import type { IncomingHttpHeaders } from 'node:http';

/**
 * The one seam between the HTTP server and the app it runs, and between the app's own bundles.
 *
 * `scripts/serve.mjs` (plain Node, no build step) runs Next.js's request handler; Next.js bundles the
 * proxy and each route separately, so a module-level variable is not one variable across them. What
 * must exist once per process meets here, on one `globalThis` key, with the types below:
 *
 *  - the HTTP server asks `answerFromCache` (set by lib/http/edge-cache.ts) and then `answerDirectly`
 *    (the desk: lib/http/api-desk.ts, set by instrumentation.ts) before routing a GET, and
 *    runs `shutdownHooks` (registered with `onShutdown` by the Neo4j driver and the worker pool) once
 *    the last request has finished;
 *  - `processWide(name, create)` gives every bundle the same instance of the driver, the read cache,
 *    the schema, the rate limiter, the front door's routes and the worker pool;
 *  - `clientAddressHeader` names the request header that carries the socket's address
 *    (lib/http/socket-address.ts sets it on every request and names it here; null: not installed);
 *  - `statusReports` are what the HTTP server prints on SIGUSR2 (cache sizes), by name.
 *
 * serve.mjs reads the same key, `globalThis[Symbol.for('graph-explorer.server-seam')]`; nothing
 * else is shared through `globalThis`.
 */
export const SERVER_SEAM_KEY = 'graph-explorer.server-seam';

export interface EdgeRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

export interface EdgeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export type ShutdownHook = () => Promise<void> | void;

export interface ServerSeam {
  /** An answer from the read cache for a GET it can answer as it stands, else null (route it). */
  answerFromCache: ((request: EdgeRequest) => EdgeAnswer | null) | null;
  /** The answer to a JSON read the app computes without Next.js's routing, else null (route it). */
  answerDirectly: ((request: EdgeRequest) => Promise<EdgeAnswer> | null) | null;
  /** What to close once the server has stopped serving, by name. */
  shutdownHooks: Map<string, ShutdownHook>;
  /** One instance per process of what the app's bundles share, by name. */
  shared: Map<string, unknown>;
  /** The header, secret per process, that holds the address of the socket a request came on; null: none. */
  clientAddressHeader: string | null;
  /** Figures the server prints when asked (SIGUSR2), by name. */
  statusReports: Map<string, () => unknown>;
}

const KEY = Symbol.for(SERVER_SEAM_KEY);
const holder = globalThis as typeof globalThis & { [KEY]?: ServerSeam };

export function serverSeam(): ServerSeam {
  holder[KEY] ??= { answerFromCache: null, answerDirectly: null, shutdownHooks: new Map(), shared: new Map(), clientAddressHeader: null, statusReports: new Map() };
  return holder[KEY];
}

/** The process's one instance of `name`, made by `create` the first time any bundle asks. */
export function processWide<T>(name: string, create: () => T): T {
  const { shared } = serverSeam();
  if (!shared.has(name)) shared.set(name, create());
  return shared.get(name) as T;
}

/** Registers (or replaces, by name) something to close once the server has stopped serving. */
export function onShutdown(name: string, hook: ShutdownHook): void {
  serverSeam().shutdownHooks.set(name, hook);
}

/** Forgets the process's instance of `name` (the next `processWide` makes a new one): tests. */
export function forgetProcessWide(name: string, instance?: unknown): void {
  const { shared } = serverSeam();
  if (instance === undefined || shared.get(name) === instance) shared.delete(name);
}

/** Registers (or replaces, by name) figures for the server's status report (SIGUSR2). */
export function onStatus(name: string, report: () => unknown): void {
  serverSeam().statusReports.set(name, report);
}
