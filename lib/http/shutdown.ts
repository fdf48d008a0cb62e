/**
 * Shutdown hooks shared between the app's modules (the Neo4j driver, the worker pool) and the HTTP
 * server that runs them (scripts/serve.mjs runs them after the last request). They meet on
 * globalThis because Next.js bundles the app separately from the server file: a module-level list
 * would not be the same list on both sides.
 */
const KEY = Symbol.for('graph-explorer.shutdown-hooks');

type Hook = () => Promise<void> | void;
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Hook> };

function hooks(): Map<string, Hook> {
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Registers (or replaces, by name) something to close once the server has stopped serving. */
export function onShutdown(name: string, hook: Hook): void {
  hooks().set(name, hook);
}
