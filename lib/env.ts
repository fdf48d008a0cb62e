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
  /** The local server's default transaction timeout and per-transaction memory cap. */
  NEO4J_LOCAL_TX_TIMEOUT_S: z.coerce.number().int().min(1).max(3_600).default(30),
  NEO4J_LOCAL_TX_MAX_MB: z.coerce.number().int().min(16).max(32_768).default(256),
});

export type Env = z.infer<typeof envSchema> & {
  /** The Bolt URI actually used: NEO4J_URI, or the local Neo4j on NEO4J_LOCAL_PORT. */
  uri: string;
  /** True when the app talks to the local Neo4j that this project starts. */
  local: boolean;
};

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
  // A URI naming the local port explicitly still means "the local Neo4j" (the test runner does this).
  return { ...env, uri, local: uri === localUri };
}
