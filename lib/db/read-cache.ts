import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { appEnv } from '../env';
import { onStatus, processWide } from '../server-seam';
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
 * the same key share one load. The cache is bounded by bytes, not entries (an entry may be a 40-byte
 * search miss or a 5,000-entity subgraph): least-recently-used entries go first once the entries'
 * estimated size passes their share of CACHE_MAX_BYTES (see cacheBudget).
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
  /**
   * The value serialized once, as the bytes sent (JSON by default, in UTF-8; or bytes such as a PNG),
   * shared by every response that sends it: no answer encodes it again.
   */
  body: Uint8Array;
  /** A strong ETag over the body. */
  etag: string;
  version: DatasetVersion;
}

interface Entry {
  version: string;
  expires: number;
  cached: Cached<unknown>;
  /** Forms of the body made later (its gzip), kept and counted with it. */
  derived: Map<string, Uint8Array>;
}

/**
 * How CACHE_MAX_BYTES is shared: the entries, and the front door's table of addresses it has seen
 * answered (lib/http/edge-cache.ts), a sixteenth. Together they stay under the setting.
 */
export function cacheBudget(maxBytes = appEnv().CACHE_MAX_BYTES): { entries: number; routes: number } {
  const routes = Math.floor(maxBytes / 16);
  return { entries: maxBytes - routes, routes };
}

// Sizes are estimates on the high side, measured on V8: a value parsed from JSON takes about two
// bytes per character of that JSON (and a character is at least one byte of its UTF-8); the fixed
// part covers the entry's objects, its ETag and the map slot.
const ENTRY_OVERHEAD_BYTES = 512;
const VALUE_BYTES_PER_JSON_BYTE = 2;

/** Bytes behind a view: the whole buffer it keeps alive (a PNG from a worker, a gzip from zlib). */
const held = (bytes: Uint8Array) => Math.max(bytes.byteLength, bytes.buffer.byteLength);

/** The estimated bytes an entry holds in memory. */
export function entryBytes(key: string, cached: Pick<Cached<unknown>, 'value' | 'body'>, derived: Iterable<Uint8Array> = []): number {
  const { value, body } = cached;
  let bytes = ENTRY_OVERHEAD_BYTES + 2 * key.length;
  bytes += held(body);
  // A value serialized to bytes is usually those bytes (a PNG); one serialized to JSON is an object graph.
  if (value !== body) bytes += VALUE_BYTES_PER_JSON_BYTE * body.byteLength;
  for (const form of derived) bytes += held(form);
  return bytes;
}

// The stamp the loader writes (graph-seed/load.ts); read-only here.
const VERSION_QUERY = `OPTIONAL MATCH (m:ExplorerMeta {key: 'dataset'}) RETURN m.version AS version`;

interface State {
  /** Null when CACHE_MAX_BYTES is 0: nothing is kept (concurrent misses still share one load). */
  entries: LRUCache<string, Entry> | null;
  loading: Map<string, Promise<Cached<unknown>>>;
  version: { value: DatasetVersion; checked: number } | null;
  versionLoading: Promise<DatasetVersion> | null;
  /** Loads started (misses), since the process started. */
  loads: number;
}
function state(): State {
  return processWide<State>('read-cache', () => {
    const { entries: maxSize } = cacheBudget();
    const entries = maxSize > 0
      ? new LRUCache<string, Entry>({ maxSize, sizeCalculation: (entry, key) => entryBytes(key, entry.cached, entry.derived.values()) })
      : null;
    onStatus('read-cache', readCacheStats);
    return { entries, loading: new Map(), version: null, versionLoading: null, loads: 0 };
  });
}

/** What the cache holds now (its estimated bytes, its bound, its entries) and the loads it has made. */
export function readCacheStats(): { bytes: number; maxBytes: number; entries: number; loads: number } {
  const { entries, loads } = state();
  return { bytes: entries?.calculatedSize ?? 0, maxBytes: entries?.maxSize ?? 0, entries: entries?.size ?? 0, loads };
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
      if (s.version?.value.version !== value.version) s.entries?.clear();
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
  const hit = s.entries?.get(key); // marks it as just used
  if (!hit || hit.version !== version || hit.expires <= now) return null;
  return hit.cached;
}

/**
 * A form of a cached body made from it (its gzip, say), made once and kept with the entry, counted in
 * its size and evicted with it. For a value no longer held (evicted or replaced) it is made afresh.
 */
export function derivedBody(cached: Cached<unknown>, name: string, make: () => Uint8Array): Uint8Array {
  const { entries } = state();
  const entry = entries?.peek(cached.key);
  if (!entries || entry?.cached !== cached) return make();
  let form = entry.derived.get(name);
  if (!form) {
    form = make();
    entry.derived.set(name, form);
    entries.set(cached.key, entry); // measured again; may evict others, or this one if now too big
  }
  return form;
}

const encoder = new TextEncoder();

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The value for `key` under the current dataset version, loading it once on a miss. `key` must name
 * everything the answer depends on (route and normalized parameters).
 */
export async function cachedRead<T>(key: string, load: () => Promise<T>, serialize: (value: T) => string | Uint8Array = JSON.stringify): Promise<Cached<T>> {
  const s = state();
  const { CACHE_UNSTAMPED_TTL_MS } = appEnv();
  const version = await datasetVersion();
  const now = Date.now();
  const hit = freshEntry(s, key, version.version, now);
  if (hit) return hit as Cached<T>;
  const flightKey = `${version.version}\u0000${key}`;
  let flight = s.loading.get(flightKey) as Promise<Cached<T>> | undefined;
  if (!flight) {
    s.loads += 1;
    flight = (async () => {
      const value = await load();
      const serialized = serialize(value);
      // TextEncoder, not Buffer.from: a small Buffer is a view of a shared 8 KiB pool, which the
      // entry would then hold (and be counted for) whole.
      const body = typeof serialized === 'string' ? encoder.encode(serialized) : serialized;
      return { key, value, body, etag: etagOf(body), version };
    })();
    s.loading.set(flightKey, flight);
    const forget = () => s.loading.delete(flightKey);
    flight.then((cached) => {
      forget();
      const ttl = version.stamped ? Number.POSITIVE_INFINITY : CACHE_UNSTAMPED_TTL_MS;
      if (ttl <= 0) return;
      // An entry bigger than the whole budget is not kept (lru-cache refuses it); the others make room.
      s.entries?.set(key, { version: version.version, expires: Date.now() + ttl, cached, derived: new Map() });
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
