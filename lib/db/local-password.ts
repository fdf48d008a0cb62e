import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../env';

/**
 * The local Neo4j runs with auth on. Its password is generated once into its data folder
 * (`<NEO4J_LOCAL_DIR>/app-password`, readable by its owner only); the launcher sets it, and the app,
 * the seed loader and the tests read it from there, so nobody has to type or configure it.
 */
export function localPasswordFile(env: Pick<Env, 'NEO4J_LOCAL_DIR'>): string {
  return path.resolve(env.NEO4J_LOCAL_DIR, 'app-password');
}

/** The generated password, creating it on first use. */
export function ensureLocalPassword(env: Pick<Env, 'NEO4J_LOCAL_DIR'>): string {
  const file = localPasswordFile(env);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** The password a driver should use: NEO4J_PASSWORD when set, else the local one (when there is one). */
export function neo4jPassword(env: Env): string {
  if (env.NEO4J_PASSWORD || !env.local) return env.NEO4J_PASSWORD;
  const file = localPasswordFile(env);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}
