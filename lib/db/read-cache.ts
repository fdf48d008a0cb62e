import 'server-only';
import { createHash } from 'node:crypto';
import { appEnv } from '../env';
import { processWide } from '../server-seam';
import { readQuery } from './driver';

/**
 * The app's one read cache. Every answer is stored under the dataset version that the seed loader
 * stamps into the database (an `(:ExplorerMeta {key: 'dataset'})` node whose `version` changes on
 * every load), so any load invalidates everything at once, in every app instance, without a
 * message bus: each instance re-reads the stamp at most every CACHE_VERSION_CHECK_MS (1 s).
 *
 * A database the app did not load has no stamp. Nothing tells the app when such a database
 * changes, so answers from it are reused for CACHE_UNSTAMPED_TTL_MS only (5 s by default; 0 turns
 * that off): a change shows within that long, and a burst of identical reads still costs one query.
 *
 * Failures are never cached: a load that throws is retried by the next caller. Concurrent misses for
 * the same key share one load. Entries are evicted least-recently-used beyond CACHE_MAX_ENTRIES.
 *
 *   const { value, etag } = await cachedRead(`nodes:${id}`, () => getNode(id));
 */

export interface DatasetVersion {
  /** Opaque token: the stamp, or `unstamped` for a database the app did not load. */
  version: string;
  stamped: boolean;
}

export interface Cached<T> {
  /** The key it is stored under. */
  key: string;
  value: T;
  /** The value serialized once (JSON by default, or bytes such as a PNG), shared by every response that sends it. */
  body: string | Uint8Array;
  /** A strong ETag over the body. */
  etag: string;
  version: DatasetVersion;
}

interface Entry {
  version: string;
  expires: number;
  cached: Cached<unknown>;
}

// The stamp the loader writes (graph-seed/load.ts); read-only here.
const VERSION_QUERY = `OPTIONAL MATCH (m:ExplorerMeta {key: 'dataset'}) RETURN m.version AS version`;

interface State {
  entries: Map<string, Entry>;
  loading: Map<string, Promise<Cached<unknown>>>;
  version: { value: DatasetVersion; checked: number } | null;
  versionLoading: Promise<DatasetVersion> | null;
}
function state(): State {
  return processWide<State>('read-cache', () => ({ entries: new Map(), loading: new Map(), version: null, versionLoading: null }));
}

/** The current dataset version, read from the database at most every CACHE_VERSION_CHECK_MS. */
async function datasetVersion(): Promise<DatasetVersion> {
  const s = state();
  const { CACHE_VERSION_CHECK_MS } = appEnv();
  if (s.version && Date.now() - s.version.checked < CACHE_VERSION_CHECK_MS) return s.version.value;
  s.versionLoading ??= (async () => {
    try {
      const [row] = await readQuery<{ version: unknown }>(VERSION_QUERY, {});
      const stamp = typeof row?.version === 'string' && row.version !== '' ? row.version : null;
      const value = stamp ? { version: stamp, stamped: true } : { version: 'unstamped', stamped: false };
      if (s.version?.value.version !== value.version) s.entries.clear();
      s.version = { value, checked: Date.now() };
      return value;
    } finally {
      s.versionLoading = null;
    }
  })();
  return s.versionLoading;
}

/** The entry for `key` stored under `version` and not expired, marked as just used; else null. */
function freshEntry(s: State, key: string, version: string, now: number): Cached<unknown> | null {
  const hit = s.entries.get(key);
  if (!hit || hit.version !== version || hit.expires <= now) return null;
  s.entries.delete(key); // re-insert: Map order is the LRU order
  s.entries.set(key, hit);
  return hit.cached;
}

function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The value for `key` under the current dataset version, loading it once on a miss. `key` must name
 * everything the answer depends on (route and normalized parameters).
 */
export async function cachedRead<T>(key: string, load: () => Promise<T>, serialize: (value: T) => string | Uint8Array = JSON.stringify): Promise<Cached<T>> {
  const s = state();
  const { CACHE_MAX_ENTRIES, CACHE_UNSTAMPED_TTL_MS } = appEnv();
  const version = await datasetVersion();
  const now = Date.now();
  const hit = freshEntry(s, key, version.version, now);
  if (hit) return hit as Cached<T>;
  const flightKey = `${version.version}\u0000${key}`;
  let flight = s.loading.get(flightKey) as Promise<Cached<T>> | undefined;
  if (!flight) {
    flight = (async () => {
      const value = await load();
      const body = serialize(value);
      return { key, value, body, etag: etagOf(body), version };
    })();
    s.loading.set(flightKey, flight);
    const forget = () => s.loading.delete(flightKey);
    flight.then((cached) => {
      forget();
      const ttl = version.stamped ? Number.POSITIVE_INFINITY : CACHE_UNSTAMPED_TTL_MS;
      if (CACHE_MAX_ENTRIES === 0 || ttl <= 0) return;
      s.entries.set(key, { version: version.version, expires: Date.now() + ttl, cached });
      while (s.entries.size > CACHE_MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
    }, forget);
  }
  return flight;
}

/**
 * The entry for `key` if it can be served right now without any I/O: present, not expired, and
 * stored under the dataset version last read. When that reading is older than
 * CACHE_VERSION_CHECK_MS, a new one starts in the background and entries are still served while it
 * runs, for at most one more interval (so a change shows as soon as the new reading arrives, and a
 * database that stops answering stops these answers too). Otherwise null, and the caller takes the
 * ordinary path (cachedRead), which waits for the version and loads what is missing. Under load this
 * matters: waiting would send every request of the refresh's few milliseconds the slow way.
 */
export function peekCached(key: string): Cached<unknown> | null {
  const s = state();
  const { CACHE_VERSION_CHECK_MS } = appEnv();
  const now = Date.now();
  if (!s.version) return null;
  const age = now - s.version.checked;
  if (age >= CACHE_VERSION_CHECK_MS) {
    datasetVersion().catch(() => undefined);
    if (age >= 2 * CACHE_VERSION_CHECK_MS) return null;
  }
  return freshEntry(s, key, s.version.value.version, now);
}
