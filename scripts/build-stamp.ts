import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a production build is up to date: a content hash over everything `next build` reads
 * (the app's sources, messages, configuration, lockfile, and the NEXT_PUBLIC_ settings it bakes
 * in), kept beside the build. `npm start` and `npm test` build only when it changed.
 */

const ROOT = path.resolve(__dirname, '..');
const FOLDERS = ['app', 'components', 'lib', 'messages', 'types', 'public'];
const FILES = ['next.config.js', 'proxy.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'explorer.config.json'];
const STAMP = '.source-hash';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    // Tests are not part of the build.
    return /\.(test|spec)\.[cm]?tsx?$/.test(name) ? [] : [full];
  });
}

/** The hash of what a build of `distDir` is made from. */
export function sourceHash(distDir: string, env: Record<string, string | undefined> = process.env, root = ROOT): string {
  const hash = createHash('sha256');
  const all = [...FOLDERS.flatMap((f) => files(path.join(root, f))), ...FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f))];
  for (const file of all) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const baked = Object.keys(env).filter((k) => k.startsWith('NEXT_PUBLIC_')).sort().map((k) => `${k}=${env[k]}`);
  hash.update(baked.join('\n')).update(`\0${distDir}`);
  return hash.digest('hex');
}

/** True when `distDir` holds a finished build of exactly the current sources. */
export function buildIsCurrent(distDir: string, env: Record<string, string | undefined> = process.env, root = ROOT): boolean {
  const dir = path.resolve(root, distDir);
  const stamp = path.join(dir, STAMP);
  if (!existsSync(path.join(dir, 'BUILD_ID')) || !existsSync(stamp) || !existsSync(path.join(root, '.workers', 'heavy.worker.cjs'))) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceHash(distDir, env, root);
}

/** Records that `distDir` now holds a build of the current sources (call after a successful build). */
export function markBuilt(distDir: string, hash: string, root = ROOT): void {
  writeFileSync(path.join(path.resolve(root, distDir), STAMP), `${hash}\n`);
}
