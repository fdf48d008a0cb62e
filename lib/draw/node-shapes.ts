import type { TypeStyle } from './entity-style';

/**
 * The canvas's node shapes as outlines, for pictures drawn without Cytoscape (exported SVG, legends):
 * the same polygons Cytoscape draws, in a unit square (-1..1, y down), scaled to a node's size.
 */
export type Outline = { kind: 'circle' } | { kind: 'rect'; radius: number } | { kind: 'polygon'; points: [number, number][] };

/** A regular polygon fitted to the unit square, a vertex on top for odd counts (as Cytoscape does). */
function ngon(sides: number, inner = 1, rotation = 0): [number, number][] {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + rotation;
  return Array.from({ length: sides }, (_, i) => [inner * Math.cos(start + i * step), inner * Math.sin(-(start + i * step))] as [number, number]);
}

function fit(points: [number, number][]): [number, number][] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return points.map(([x, y]) => [((x - x0) / (x1 - x0)) * 2 - 1, ((y - y0) / (y1 - y0)) * 2 - 1]);
}

function star(): [number, number][] {
  const outer = ngon(5);
  const inner = ngon(5, 0.5 * (3 - Math.sqrt(5)), Math.PI / 5);
  return fit(outer.flatMap((p, i) => [p, inner[i]!]));
}

const OUTLINES: Record<TypeStyle['shape'], Outline> = {
  'ellipse': { kind: 'circle' },
  'round-rectangle': { kind: 'rect', radius: 0.25 },
  'barrel': { kind: 'rect', radius: 0.45 },
  'diamond': { kind: 'polygon', points: [[0, -1], [1, 0], [0, 1], [-1, 0]] },
  'triangle': { kind: 'polygon', points: fit(ngon(3)) },
  'pentagon': { kind: 'polygon', points: fit(ngon(5)) },
  'hexagon': { kind: 'polygon', points: fit(ngon(6)) },
  'octagon': { kind: 'polygon', points: fit(ngon(8)) },
  'star': { kind: 'polygon', points: star() },
  'vee': { kind: 'polygon', points: [[-1, -1], [0, -0.333], [1, -1], [0, 1]] },
  'round-tag': { kind: 'polygon', points: [[-1, -1], [0.25, -1], [1, 0], [0.25, 1], [-1, 1]] },
};

export function outlineOf(shape: TypeStyle['shape']): Outline {
  return OUTLINES[shape] ?? { kind: 'circle' };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** An SVG element for a shape centred at (x, y), `size` across; `attrs` is appended as written. */
export function shapeSvg(shape: TypeStyle['shape'], x: number, y: number, size: number, attrs: string): string {
  const half = size / 2;
  const outline = outlineOf(shape);
  if (outline.kind === 'circle') return `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(half)}"${attrs}/>`;
  if (outline.kind === 'rect') {
    return `<rect x="${r2(x - half)}" y="${r2(y - half)}" width="${r2(size)}" height="${r2(size)}" rx="${r2(half * outline.radius)}"${attrs}/>`;
  }
  return `<polygon points="${outline.points.map(([px, py]) => `${r2(x + px * half)},${r2(y + py * half)}`).join(' ')}"${attrs}/>`;
}
