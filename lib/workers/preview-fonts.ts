import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Fonts for the share image. next/og (satori) draws text only with the fonts it is handed (TTF, OTF
 * or WOFF; not WOFF2, not collections), and its built-in one has no Chinese. Noto Sans SC from the
 * npm package @fontsource/noto-sans-sc covers Latin, Cyrillic and Chinese; it comes split by Unicode
 * range into small WOFF files (a few dozen KB each), so a picture loads only the pieces its text
 * uses. Each file is read once per process and kept: satori caches a parsed font by its buffer.
 */

export type Weight = 400 | 700;

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

interface Chunk {
  /** The subset's name in the package: `latin`, `cyrillic`, or a number for a slice of the CJK range. */
  key: string;
  ranges: [number, number][];
}

/** The family the picture asks for first; every other piece is a fallback that satori tries in order. */
export const PRIMARY_FONT = 'noto-latin';

let cache: { dir: string; chunks: Chunk[] } | null = null;
const files = new Map<string, Buffer>();

function packageDir(): string {
  // Resolved from the app's folder at run time (the worker bundle and the server share it).
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

/** `U+1f1e9-1f1f5,U+20` -> [[0x1f1e9, 0x1f1f5], [0x20, 0x20]]. */
function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => part.trim().replace(/^U\+/i, '')).filter(Boolean).map((part) => {
    const [from = '', to = from] = part.split('-');
    return [parseInt(from, 16), parseInt(to, 16)] as [number, number];
  }).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
}

function chunks(): { dir: string; chunks: Chunk[] } {
  if (!cache) {
    const dir = packageDir();
    const table = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const order = (key: string) => (key === 'latin' ? 0 : key === 'latin-ext' ? 1 : key === 'cyrillic' ? 2 : 3);
    const list = Object.entries(table).map(([name, ranges]) => ({ key: name.replace(/^\[(\d+)\]$/, '$1'), ranges: parseUnicodeRange(ranges) }))
      .sort((a, b) => order(a.key) - order(b.key) || Number(a.key) - Number(b.key));
    cache = { dir, chunks: list };
  }
  return cache;
}

function file(dir: string, key: string, weight: Weight): Buffer {
  const name = path.join(dir, 'files', `noto-sans-sc-${key}-${weight}-normal.woff`);
  let data = files.get(name);
  if (!data) {
    data = readFileSync(name);
    files.set(name, data);
  }
  return data;
}

/** The font pieces that cover a text, at the weights asked for: Latin always (digits, punctuation) first. */
export function fontsFor(texts: { text: string; weight: Weight }[]): SatoriFont[] {
  const { dir, chunks: list } = chunks();
  const wanted = new Map<string, Set<Weight>>([['latin', new Set<Weight>([400, 700])]]);
  for (const { text, weight } of texts) {
    for (const ch of new Set(text)) {
      const code = ch.codePointAt(0)!;
      const chunk = list.find((c) => c.ranges.some(([a, b]) => code >= a && code <= b));
      if (chunk) wanted.set(chunk.key, (wanted.get(chunk.key) ?? new Set()).add(weight));
    }
  }
  return list.filter((c) => wanted.has(c.key)).flatMap((c) => [...wanted.get(c.key)!].sort().map((weight) => ({
    name: `noto-${c.key}`, data: file(dir, c.key, weight), weight, style: 'normal' as const,
  })));
}
