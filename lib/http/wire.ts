import type { IncomingHttpHeaders } from 'node:http';
import { gzipSync } from 'node:zlib';
import { appEnv } from '../env';
import type { EdgeAnswer } from '../server-seam';
import { clientAddress, requestCost, sharedRateLimiter } from './rate-limit';
import { apiHeaders } from './security-headers';

/**
 * What Next.js's proxy (proxy.ts) and its compression add to an API answer, for the answers the HTTP
 * server sends without Next.js: the read cache's front door (edge-cache.ts) and the desk
 * (api-desk.ts). The rate limit is taken the same way (a refused request is left to the proxy, which
 * answers 429), and the answer carries the same security headers, CSP and RateLimit-Remaining.
 */

/** Bodies smaller than this are sent as they are (as Next.js's compression does). */
const GZIP_MIN_BYTES = 1024;

export type HeaderReader = (name: string) => string | null;

export function headerReader(headers: IncomingHttpHeaders): HeaderReader {
  return (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value ?? null;
  };
}

/** The client's token for `url`: the count left, or null when it is over its rate (let the proxy refuse it). */
export function admit(url: string, get: HeaderReader): { remaining: number } | null {
  const decision = sharedRateLimiter().take(clientAddress({ get }, appEnv().TRUST_PROXY), requestCost(url));
  return decision.ok ? { remaining: decision.remaining } : null;
}

export interface WireBody {
  bytes: Uint8Array;
  /** Its gzip, made (or found) only when the client takes gzip and the body is worth it. */
  gzip: () => Uint8Array;
}

/** The answer as it goes out: security headers, the rate count, its own headers, then encoding and length. */
export function onTheWire(status: number, own: Record<string, string>, body: WireBody | null, admitted: { remaining: number },
  get: HeaderReader, extra: Record<string, string> = {}): EdgeAnswer {
  const headers: Record<string, string> = {
    ...apiHeaders(appEnv().FRAME_ANCESTORS),
    ...(Number.isFinite(admitted.remaining) ? { 'RateLimit-Remaining': String(admitted.remaining) } : {}),
    ...own,
    ...extra,
  };
  // Text only, as Next.js compresses: a PNG is compressed already. Whether it is depends on Accept-Encoding.
  const text = /^application\/json\b/.test(headers['Content-Type'] ?? '');
  if (text) headers.Vary ??= 'Accept-Encoding';
  if (!body) return { status, headers, body: null };
  let bytes = body.bytes;
  if (text && bytes.length >= GZIP_MIN_BYTES && acceptsGzip(get('accept-encoding'))) {
    bytes = body.gzip();
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(bytes.length);
  return { status, headers, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/**
 * True when Accept-Encoding lets gzip through: an entry for gzip (or x-gzip), else for `*`, with a
 * weight above 0 (`gzip;q=0` refuses it, as Next.js's compression reads it). No header: no gzip.
 */
export function acceptsGzip(header: string | null): boolean {
  let gzip: number | null = null;
  let any: number | null = null;
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().toLowerCase().split(';').map((part) => part.trim());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const w = Number.isFinite(weight) ? weight : 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = Math.max(gzip ?? 0, w);
    else if (name === '*') any = w;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** A body made fresh for one answer. */
export function freshBody(body: string | Uint8Array): WireBody {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { bytes, gzip: () => gzipSync(bytes) };
}
