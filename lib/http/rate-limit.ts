import { appEnv } from '../env';
import { processWide, serverSeam } from '../server-seam';

/**
 * Per-client token buckets: each client may make `burst` requests at once and `perSecond` on
 * average; a request that finds too few tokens is refused with the seconds until it would fit.
 * In memory and per process: behind a load balancer each instance limits what reaches it.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  /** Buckets kept at most (least recently used go first); bounds memory under address churn. */
  maxClients?: number;
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(client: string, cost = 1, now = Date.now()): RateDecision {
    const { perSecond, burst, maxClients = 50_000 } = this.options;
    if (perSecond <= 0) return { ok: true, remaining: Number.POSITIVE_INFINITY };
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: now };
    this.buckets.delete(client);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / perSecond)) };
  }
}

/**
 * The client's address, as the rate limiter counts it. The socket's address arrives in a header whose
 * name is secret per process (`socketHeader`, see lib/http/socket-address.ts, set from the socket on
 * every request under `npm run serve`, `npm start` and `next start` alike): a client cannot set it.
 * X-Forwarded-For is believed only when TRUST_PROXY says how many proxies of ours append to it: the
 * client is the entry that the outermost of them added. Without either, every client is one client
 * (SHARED_CLIENT): a shared bucket is the honest answer when the server cannot tell clients apart.
 */
export const SHARED_CLIENT = 'unknown';

export function clientAddress(headers: Pick<Headers, 'get'>, trustedHops: number, socketHeader: string | null = serverSeam().clientAddressHeader): string {
  const socket = (socketHeader ? headers.get(socketHeader) : null) || SHARED_CLIENT;
  if (trustedHops <= 0) return socket;
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (chain.length === 0) return socket;
  return chain[Math.max(0, chain.length - trustedHops)]!;
}

/** Tokens a request costs: drawing a preview image is far heavier than a JSON read. */
export function requestCost(pathname: string): number {
  if (pathname.startsWith('/api/preview')) return 5;
  if (pathname.startsWith('/api/')) return 1;
  return 2;
}

/** The process's one limiter, configured by RATE_LIMIT_* (the proxy and the edge cache take from the same buckets). */
export function sharedRateLimiter(): RateLimiter {
  const env = appEnv();
  return processWide('rate-limiter', () => new RateLimiter({ perSecond: env.RATE_LIMIT_PER_SECOND, burst: env.RATE_LIMIT_BURST }));
}
