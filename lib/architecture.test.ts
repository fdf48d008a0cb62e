import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_SEAM_KEY } from './server-seam';

/**
 * The folders are the architecture (ARCHITECTURE.md): these tests read every source file's imports
 * and fail on an import cycle, on an arrow from a lower floor to a higher one, and on a source file
 * over 400 lines.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['app', 'components', 'lib', 'graph-seed', 'scripts', 'bench', 'test', 'e2e', 'neo4j'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs'];
const SPECIFIER = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string, extensions: string[] = EXTENSIONS): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'target') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full, extensions));
    else if (extensions.includes(path.extname(name)) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolve(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface Edge { to: string; typeOnly: boolean }
const files = FOLDERS.filter((f) => existsSync(path.join(ROOT, f))).flatMap((f) => sourceFiles(path.join(ROOT, f)));
const graph = new Map<string, Edge[]>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const to = resolve(m[3] ?? m[4] ?? '', file);
    if (to) edges.push({ to, typeOnly: Boolean(m[2]) });
  }
  graph.set(file, edges);
}
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || rel(file).startsWith('test/') || rel(file).startsWith('e2e/');

/** Import cycles among runtime imports (type-only imports vanish when compiled). */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'active');
    stack.push(file);
    for (const { to, typeOnly } of graph.get(file) ?? []) {
      if (typeOnly) continue;
      if (state.get(to) === 'active') found.push([...stack.slice(stack.indexOf(to)), to].map(rel));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

/** Folders a production file in `from` may not import from. */
const FORBIDDEN: Array<{ from: RegExp; not: RegExp; why: string }> = [
  { from: /^lib\//, not: /^(app|components|scripts|bench|test|e2e|graph-seed)\//, why: 'lib is below the app, components and scripts' },
  { from: /^components\//, not: /^(app|scripts|bench|test|e2e|graph-seed|lib\/db|lib\/http|lib\/workers)\//, why: 'browser code never reaches the database or the server' },
  { from: /^graph-seed\//, not: /^(app|components|scripts|bench|test|e2e)\//, why: 'the seed loader stands on lib only' },
  { from: /^lib\/(draw|graph|analysis|export|geo|i18n|layout|story|stories)\//, not: /^lib\/(db|http|workers)\//, why: 'pure and drawing code runs anywhere' },
  { from: /^lib\/db\//, not: /^lib\/http\//, why: 'data access does not know HTTP' },
];

describe('architecture', () => {
  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('has no arrow from a lower floor to a higher one', () => {
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      if (isTest(file)) continue;
      for (const { to } of edges) {
        for (const rule of FORBIDDEN) {
          if (rule.from.test(rel(file)) && rule.not.test(rel(to))) wrong.push(`${rel(file)} -> ${rel(to)} (${rule.why})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps every source file within 400 lines, stylesheets and the Java launcher included', () => {
    const others = FOLDERS.filter((f) => existsSync(path.join(ROOT, f))).flatMap((f) => sourceFiles(path.join(ROOT, f), ['.css', '.java']));
    const long = [...files, ...others].filter((f) => !isTest(f)).map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('meets the HTTP server on the seam it declares', () => {
    const serve = readFileSync(path.join(ROOT, 'scripts/serve.mjs'), 'utf8');
    expect(serve).toContain(`Symbol.for('${SERVER_SEAM_KEY}')`);
    const sharers = files.filter((f) => !isTest(f) && f !== path.join(ROOT, 'lib/server-seam.ts') && /globalThis\s+as\b|globalThis\[/.test(readFileSync(f, 'utf8')));
    expect(sharers.map(rel)).toEqual(['scripts/serve.mjs']);
  });
});
