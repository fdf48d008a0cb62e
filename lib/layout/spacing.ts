import { hashString } from './seeded-random';

/**
 * Keeping nodes apart, deterministically: a uniform grid answers "who is near this point" in about
 * constant time, so thousands of nodes are separated in a few milliseconds. Pure; no Cytoscape.
 */

export type Point = { x: number; y: number };

/** Space kept between the rims of two nodes, in layout units (a node is 26-56 units wide). */
const NODE_GAP = 22;
export const DEFAULT_NODE_SIZE = 40;

class Grid {
  private readonly cells = new Map<string, string[]>();
  constructor(private readonly cell: number) {}
  private key(x: number, y: number): string {
    return `${Math.floor(x / this.cell)},${Math.floor(y / this.cell)}`;
  }
  add(id: string, p: Point): void {
    const key = this.key(p.x, p.y);
    const list = this.cells.get(key);
    if (list) list.push(id);
    else this.cells.set(key, [id]);
  }
  remove(id: string, p: Point): void {
    const list = this.cells.get(this.key(p.x, p.y));
    const i = list?.indexOf(id) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }
  /** Ids stored within `reach` cells of p (reach 1 = the 3x3 block around it). */
  near(p: Point, reach = 1): string[] {
    const cx = Math.floor(p.x / this.cell);
    const cy = Math.floor(p.y / this.cell);
    const out: string[] = [];
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -reach; dy <= reach; dy++) {
        const list = this.cells.get(`${cx + dx},${cy + dy}`);
        if (list) out.push(...list);
      }
    }
    return out;
  }
}

const sizeOf = (sizes: Record<string, number> | undefined, id: string) => sizes?.[id] ?? DEFAULT_NODE_SIZE;

/** The distance two nodes' centres must keep. */
function minDistance(a: number, b: number, gap = NODE_GAP): number {
  return a / 2 + b / 2 + gap;
}

/** The first point of a sunflower spiral around `center` that keeps clear of every placed node. */
export function freeSpot(center: Point, size: number, placed: Record<string, Point>, sizes: Record<string, number> | undefined,
  options: { inner: number; step: number; turn: number; grid?: Grid; cell?: number }): Point {
  const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
  const ids = options.grid ? null : Object.keys(placed);
  for (let k = 0; k < 100_000; k++) {
    const radius = options.inner + options.step * Math.sqrt(k);
    const angle = options.turn + k * GOLDEN_ANGLE;
    const p = { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    const others = options.grid ? options.grid.near(p, 1) : ids!;
    if (others.every((o) => Math.hypot(placed[o]!.x - p.x, placed[o]!.y - p.y) >= minDistance(size, sizeOf(sizes, o)))) return p;
  }
  return center;
}

/** A grid over placed nodes whose cells are at least as wide as the largest required distance. */
export function gridOf(placed: Record<string, Point>, sizes: Record<string, number> | undefined): { grid: Grid; cell: number } {
  const largest = Math.max(DEFAULT_NODE_SIZE, ...Object.keys(placed).map((id) => sizeOf(sizes, id)), ...Object.values(sizes ?? {}));
  const cell = minDistance(largest, largest);
  const grid = new Grid(cell);
  for (const [id, p] of Object.entries(placed)) grid.add(id, p);
  return { grid, cell };
}

/**
 * Moves the `movable` nodes until no two nodes overlap (rims closer than the gap); the others stay
 * exactly where they are. Pushes apart in a few sweeps, then moves any node still overlapping to
 * the nearest free spot, so the result never has an overlap. Positions are updated in place.
 */
export function separate(positions: Record<string, Point>, movable: Iterable<string>, sizes?: Record<string, number>): void {
  const moving = [...new Set(movable)].filter((id) => positions[id]).sort();
  if (moving.length === 0) return;
  const canMove = new Set(moving);
  const { grid } = gridOf(positions, sizes);
  const move = (id: string, to: Point) => {
    grid.remove(id, positions[id]!);
    positions[id] = to;
    grid.add(id, to);
  };
  for (let sweep = 0; sweep < 40; sweep++) {
    let overlaps = 0;
    for (const id of moving) {
      for (const other of grid.near(positions[id]!).sort()) {
        if (other === id) continue;
        const a = positions[id]!;
        const b = positions[other]!;
        const need = minDistance(sizeOf(sizes, id), sizeOf(sizes, other));
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d >= need - 0.01) continue;
        overlaps++;
        if (d < 0.01) {
          // Same spot: part them along an angle fixed by the pair's ids.
          const angle = (hashString(`${id}|${other}`) % 360) * (Math.PI / 180);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const push = need - d + 0.5;
        const share = canMove.has(other) ? push / 2 : push;
        move(id, { x: a.x + (dx / d) * share, y: a.y + (dy / d) * share });
        if (canMove.has(other)) move(other, { x: b.x - (dx / d) * share, y: b.y - (dy / d) * share });
      }
    }
    if (overlaps === 0) return;
  }
  // Whatever still overlaps goes to the nearest free spot around where it is.
  for (const id of moving) {
    const p = positions[id]!;
    const clear = grid.near(p).every((o) => o === id
      || Math.hypot(positions[o]!.x - p.x, positions[o]!.y - p.y) >= minDistance(sizeOf(sizes, id), sizeOf(sizes, o)) - 0.01);
    if (clear) continue;
    grid.remove(id, p);
    const { [id]: _self, ...others } = positions;
    move(id, freeSpot(p, sizeOf(sizes, id), others, sizes, { inner: 0, step: 12, turn: hashString(id) % 360, grid }));
  }
}

/** Pairs of nodes closer than their sizes allow (for tests and checks). */
export function overlappingPairs(positions: Record<string, Point>, sizes?: Record<string, number>, gap = 0): [string, string][] {
  const ids = Object.keys(positions).sort();
  const { grid } = gridOf(positions, sizes);
  const pairs: [string, string][] = [];
  for (const id of ids) {
    for (const other of grid.near(positions[id]!)) {
      if (other <= id) continue;
      const d = Math.hypot(positions[id]!.x - positions[other]!.x, positions[id]!.y - positions[other]!.y);
      if (d < minDistance(sizeOf(sizes, id), sizeOf(sizes, other), gap) - 0.01) pairs.push([id, other]);
    }
  }
  return pairs;
}

/**
 * Positions for entities drawn at other sizes than they were laid out with (an analysis sizes them
 * by PageRank, say): if a grown entity now overlaps another, the grown ones move apart as little
 * as `separate` needs; nothing else moves. The positions given are returned as they are when no
 * two entities overlap, so the layout, the URL and the server's picture stay as they were.
 */
export function drawnPositions(positions: Record<string, Point>, laidOut: Record<string, number>, drawn: Record<string, number>): Record<string, Point> {
  const grown = Object.keys(drawn).filter((id) => positions[id] && drawn[id]! > sizeOf(laidOut, id));
  if (grown.length === 0) return positions;
  const sizes = { ...laidOut, ...drawn };
  if (overlappingPairs(positions, sizes).length === 0) return positions;
  const moved = { ...positions };
  separate(moved, grown, sizes);
  return moved;
}
