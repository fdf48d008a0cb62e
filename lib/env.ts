import { z } from 'zod';

/**
 * The one place configuration is read. Without NEO4J_URI the app uses the local Neo4j that
 * `npm run db:start` launches; with it, any Neo4j 5 (a server, a cluster, Aura) and nothing local.
 */
const envSchema = z.object({
  NEO4J_URI: z.string().trim()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must look like neo4j://host:7687, bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().trim().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().trim().regex(/^[A-Za-z0-9.-]{1,63}$/, 'must be a database name such as neo4j').default('neo4j'),
  /** Upper bound for one query, in ms; also bounds how long an API call waits for a dead database. */
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1024).max(65_535).default(7687),
  NEO4J_LOCAL_DIR: z.string().trim().min(1).default('.data/neo4j'),
  NEO4J_LOCAL_HEAP_MB: z.coerce.number().int().min(128).max(32_768).default(512),
  NEO4J_LOCAL_PAGECACHE_MB: z.coerce.number().int().min(16).max(32_768).default(256),
  /**
   * The local server's just-in-time compiler: `full` (the JVM's default, fastest once warm) or `quick`
   * (its fast compiler only: half the CPU while a young server warms up, slower queries after that;
   * the short-lived test databases use it).
   */
  NEO4J_LOCAL_JIT: z.enum(['full', 'quick']).default('full'),
  /** The local server's default transaction timeout and per-transaction memory cap. */
  NEO4J_LOCAL_TX_TIMEOUT_S: z.coerce.number().int().min(1).max(3_600).default(30),
  NEO4J_LOCAL_TX_MAX_MB: z.coerce.number().int().min(16).max(32_768).default(256),

  /** The explorer's name on a database the project did not seed (default: the database's name); the seed keeps its own title. */
  APP_TITLE: z.string().trim().max(80, 'must be at most 80 characters').regex(/^[^\p{Cc}]*$/u, 'must not contain control characters').optional(),
  /** The site's public origin (https://graph.example.org) for absolute links such as og:image; Host headers are not trusted for them. */
  PUBLIC_URL: z.string().trim().url('must be an absolute URL such as https://graph.example.org')
    .regex(/^https?:\/\//, 'must start with http:// or https://').optional(),
  /** How many reverse proxies in front of the app append to X-Forwarded-For; 0 (default): use the socket's address. */
  TRUST_PROXY: z.string().trim().regex(/^(\d{1,2}|true|false)$/, 'must be a number of proxy hops (0-99), true (=1) or false (=0)')
    .default('0').transform((raw) => (raw === 'true' ? 1 : raw === 'false' ? 0 : Number(raw))),
  /** CSP frame-ancestors: who may put the app in a frame. 'none' (default) also sends X-Frame-Options: DENY. */
  FRAME_ANCESTORS: z.string().trim()
    .transform((raw) => raw.replace(/^(none|self)$/, "'$1'"))
    .pipe(z.string().regex(/^('none'|(('self'|https?:\/\/[A-Za-z0-9.*:-]+)( +|$))+)$/, "must be none, self, or a list of 'self' and https:// origins"))
    .default("'none'"),
  /** Token bucket per client: sustained requests per second (0 turns rate limiting off) and burst size. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(100_000).default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Worker threads for server-side layout and preview images (default: cores - 1, at least 1). */
  WORKER_POOL_SIZE: z.coerce.number().int().min(0).max(64).optional(),
  /** How long heavy work may wait for a free worker before the request gets 503 + Retry-After. */
  WORKER_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(4_000),
  /** Upper bound for one piece of heavy work once a worker runs it; a stuck worker is replaced. */
  WORKER_TASK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  /**
   * Read cache: the memory its answers (and the front door's table of addresses) may take, in bytes
   * or with a unit (`256MB`, `1GB`; 0 turns it off), and how long answers from a database without a
   * dataset stamp are reused.
   */
  CACHE_MAX_BYTES: z.string().trim()
    .regex(/^\d{1,15}\s*([kmg]i?b?)?$/i, 'must be a size in bytes, or with a unit: 268435456, 256MB, 1GB')
    .default('256MB').transform(parseBytes)
    .pipe(z.number().max(64 * 1024 ** 3, 'must be at most 64GB')),
  CACHE_UNSTAMPED_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** How often the dataset stamp is re-read; a load shows within this long. */
  CACHE_VERSION_CHECK_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  /** Graceful shutdown: how long in-flight requests may finish after SIGTERM/SIGINT. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

/** `256MB`, `1g`, `4096`: a size with an optional binary unit, in bytes. */
function parseBytes(text: string): number {
  const match = /^(\d+)\s*([kmg]?)/i.exec(text)!;
  const power = ['', 'k', 'm', 'g'].indexOf(match[2]!.toLowerCase());
  return Number(match[1]) * 1024 ** power;
}

export type Env = z.infer<typeof envSchema> & {
  /** The Bolt URI actually used: NEO4J_URI, or the local Neo4j on NEO4J_LOCAL_PORT. */
  uri: string;
  /** True when the app talks to the local Neo4j that this project starts. */
  local: boolean;
};

let cached: { source: Record<string, string | undefined>; env: Env } | null = null;

/** loadEnv() of process.env, parsed once per process (hot paths such as the proxy call this per request). */
export function appEnv(): Env {
  if (!cached || cached.source !== process.env) cached = { source: process.env, env: loadEnv() };
  return cached.env;
}

export class EnvError extends Error {
  readonly code = 'invalid_env';
}

/** Reads and validates the environment; lists every invalid key in one error. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const localUri = `bolt://127.0.0.1:${env.NEO4J_LOCAL_PORT}`;
  const uri = env.NEO4J_URI ?? localUri;
  // A URI naming the local port explicitly still means "the local Neo4j" (the test runner does this),
  // whether it asks for direct (bolt://) or routed (neo4j://) connections.
  const local = new RegExp(`^(bolt|neo4j)://(127\\.0\\.0\\.1|localhost):${env.NEO4J_LOCAL_PORT}$`).test(uri);
  return { ...env, uri, local };
}
