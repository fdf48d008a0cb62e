import { countryCode, type CountryCandidate } from '../geo/country-code';
import { countryPoint } from '../geo/country-points';
import { worldBounds } from '../geo/projection';
import type { LayoutEdge, Point, Positions } from './compute-layout';
import { hashString } from './seeded-random';

/**
 * The world-map layout: countries at their geographic point, nudged apart where a region is
 * crowded (Europe, the Gulf, the Caribbean), every other entity near what it links to, and what
 * links to no country in a grid below the map. Pure and deterministic: the result depends on the
 * set of nodes and edges, not on their order.
 */

/** No two entities end closer than this (a node is about 40 wide). */
export const MAP_MIN_DISTANCE = 48;
// Pushing to a hair more than the minimum keeps it after rounding to 0.01.
const PUSH_DISTANCE = MAP_MIN_DISTANCE + 0.5;
const SAFE_DISTANCE = MAP_MIN_DISTANCE + 0.1;
const PULL_ROUNDS = 10;
const MAX_ROUNDS = 600;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const GRID_STEP = { x: 110, y: 90 };

const round = (value: number) => Math.round(value * 100) / 100;
// Plain code-unit order: the same in Node and every browser, unlike localeCompare.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const angleOf = (text: string) => ((hashString(text) % 3600) / 3600) * 2 * Math.PI;

/** A uniform grid of cells as wide as the minimum distance: neighbours are in the 3x3 cells around. */
class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  constructor(private readonly xs: Float64Array, private readonly ys: Float64Array) {}

  private key(cx: number, cy: number): number {
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  add(index: number): void {
    const key = this.key(Math.floor(this.xs[index]! / PUSH_DISTANCE), Math.floor(this.ys[index]! / PUSH_DISTANCE));
    const cell = this.cells.get(key);
    if (cell) cell.push(index);
    else this.cells.set(key, [index]);
  }

  /** Fills `out` with the entries that may lie within PUSH_DISTANCE of (x, y): a reused buffer, no garbage. */
  near(x: number, y: number, out: number[]): number[] {
    out.length = 0;
    const cx = Math.floor(x / PUSH_DISTANCE);
    const cy = Math.floor(y / PUSH_DISTANCE);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const cell = this.cells.get(this.key(cx + dx, cy + dy));
        if (cell) for (const index of cell) out.push(index);
      }
    }
    return out;
  }

  /** Whether no entry lies within `minimum` (at most PUSH_DISTANCE) of (x, y). */
  isFree(x: number, y: number, minimum: number): boolean {
    const cx = Math.floor(x / PUSH_DISTANCE);
    const cy = Math.floor(y / PUSH_DISTANCE);
    const squared = minimum * minimum;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const cell = this.cells.get(this.key(cx + dx, cy + dy));
        if (!cell) continue;
        for (const j of cell) {
          const ex = this.xs[j]! - x;
          const ey = this.ys[j]! - y;
          if (ex * ex + ey * ey < squared) return false;
        }
      }
    }
    return true;
  }
}

/**
 * Pushes overlapping pairs apart (each by half the overlap) until no two are closer than the
 * minimum, pulling every point back towards its true position in the first rounds so that a
 * crowded region spreads no more than it must. Sweeps in a fixed (sorted) order: deterministic.
 */
function separate(ids: string[], anchors: Point[]): Point[] {
  const n = ids.length;
  const xs = Float64Array.from(anchors, (p) => p.x);
  const ys = Float64Array.from(anchors, (p) => p.y);
  const candidates: number[] = [];
  for (let pass = 0; pass < MAX_ROUNDS; pass++) {
    const grid = new SpatialGrid(xs, ys);
    for (let i = 0; i < n; i++) grid.add(i);
    let overlaps = 0;
    for (let i = 0; i < n; i++) {
      for (const j of grid.near(xs[i]!, ys[i]!, candidates)) {
        if (j <= i) continue;
        let dx = xs[j]! - xs[i]!;
        let dy = ys[j]! - ys[i]!;
        let distance = Math.hypot(dx, dy);
        if (distance >= PUSH_DISTANCE) continue;
        if (distance < SAFE_DISTANCE) overlaps++;
        if (distance < 1e-6) {
          // Same point (two entities of one country): split along a direction fixed by their ids.
          const angle = angleOf(`${ids[i]}|${ids[j]}`);
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (PUSH_DISTANCE - distance) / 2 / distance;
        xs[i] = xs[i]! - dx * push;
        ys[i] = ys[i]! - dy * push;
        xs[j] = xs[j]! + dx * push;
        ys[j] = ys[j]! + dy * push;
      }
    }
    if (overlaps === 0 && pass >= PULL_ROUNDS) break;
    const pull = pass < PULL_ROUNDS ? 0.25 * (1 - pass / PULL_ROUNDS) : 0;
    for (let i = 0; i < n && pull > 0; i++) {
      xs[i] = xs[i]! + (anchors[i]!.x - xs[i]!) * pull;
      ys[i] = ys[i]! + (anchors[i]!.y - ys[i]!) * pull;
    }
  }
  return ids.map((_, i) => ({ x: xs[i]!, y: ys[i]! }));
}

function adjacencyOf(ids: Set<string>, edges: LayoutEdge[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = sets.get(a) ?? new Set<string>();
    set.add(b);
    sets.set(a, set);
  };
  for (const { source, target } of edges) {
    if (source === target || !ids.has(source) || !ids.has(target)) continue;
    add(source, target);
    add(target, source);
  }
  return new Map([...sets].map(([id, set]) => [id, [...set].sort()]));
}

/** Points placed one by one, each refusing a spot within the minimum distance of any other. */
class Placement {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly grid: SpatialGrid;
  private count = 0;
  private readonly spiralStart = new Map<string, number>();
  readonly positions = new Map<string, Point>();

  constructor(capacity: number) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
    this.grid = new SpatialGrid(this.xs, this.ys);
  }

  /** Puts the point where asked when that spot is free, else at the nearest free spot around it. */
  putAt(id: string, point: Point): void {
    if (this.grid.isFree(point.x, point.y, SAFE_DISTANCE)) this.put(id, point);
    else this.putNear(id, point);
  }

  put(id: string, point: Point): void {
    this.xs[this.count] = point.x;
    this.ys[this.count] = point.y;
    this.grid.add(this.count++);
    this.positions.set(id, point);
  }

  /**
   * The first free point of a sunflower spiral around `center`, turned by a fixed angle of that
   * centre. Spots only ever fill up, so the next search around the same centre resumes where the
   * last one stopped: a hub with thousands of leaves stays linear.
   */
  putNear(id: string, center: Point): void {
    const key = `${round(center.x)},${round(center.y)}`;
    const turn = angleOf(key);
    // Past the first rings the spiral skips ever more points: in a crowded view a far search stays short.
    for (let k = this.spiralStart.get(key) ?? 0; ; k += 1 + (k >> 7)) {
      const radius = PUSH_DISTANCE * 1.2 + 20 * Math.sqrt(k);
      const angle = turn + k * GOLDEN_ANGLE;
      const point = { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
      if (this.grid.isFree(point.x, point.y, PUSH_DISTANCE)) {
        this.spiralStart.set(key, k + 1);
        return this.put(id, point);
      }
    }
  }
}

/** Ids grouped by connected component (components ordered by their first id), so linked ones sit together. */
function byComponent(ids: string[], adjacency: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const start of ids) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const id = stack.pop()!;
      component.push(id);
      for (const next of adjacency.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    ordered.push(...component.sort(byCode));
  }
  return ordered;
}

/** Entities linked to nothing placed: a grid below the map and below everything placed, in id order. */
function placeBelow(ids: string[], placement: Placement): void {
  if (ids.length === 0) return;
  const map = worldBounds();
  const lowest = Math.max(map.y + map.height, ...[...placement.positions.values()].map((p) => p.y));
  const columns = Math.min(ids.length, Math.floor(map.width / GRID_STEP.x) + 1);
  const left = -((columns - 1) * GRID_STEP.x) / 2;
  ids.forEach((id, i) => placement.put(id, {
    x: left + (i % columns) * GRID_STEP.x,
    y: lowest + GRID_STEP.y + Math.floor(i / columns) * GRID_STEP.y,
  }));
}

/** Positions on the world map for a view's entities, rounded to 0.01. */
export function mapLayout(nodes: CountryCandidate[], edges: LayoutEdge[]): Positions {
  const byId = new Map<string, CountryCandidate>();
  for (const node of [...nodes].sort((a, b) => byCode(a.id, b.id) || byCode(a.type, b.type) || byCode(a.name, b.name))) {
    if (!byId.has(node.id)) byId.set(node.id, node);
  }
  const ids = [...byId.keys()];
  const adjacency = adjacencyOf(new Set(ids), edges);

  const countryIds: string[] = [];
  const anchors: Point[] = [];
  for (const id of ids) {
    const code = countryCode(byId.get(id)!);
    const point = code ? countryPoint(code) : null;
    if (point) {
      countryIds.push(id);
      anchors.push(point);
    }
  }
  const placement = new Placement(ids.length);
  // Should the relaxation stop short of separating everything, putAt still keeps the minimum.
  separate(countryIds, anchors).forEach((point, i) => placement.putAt(countryIds[i]!, point));

  // Rings outwards from the countries: each round places what links to something already placed.
  let pending = ids.filter((id) => !placement.positions.has(id));
  for (;;) {
    const placedNeighbours = (id: string) => (adjacency.get(id) ?? []).filter((n) => placement.positions.has(n));
    const ready = pending.map((id) => ({ id, neighbours: placedNeighbours(id) })).filter((r) => r.neighbours.length > 0)
      .sort((a, b) => b.neighbours.length - a.neighbours.length || byCode(a.id, b.id));
    if (ready.length === 0) break;
    const targets = ready.map(({ neighbours }) => {
      const points = neighbours.map((n) => placement.positions.get(n)!);
      return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
    });
    ready.forEach(({ id }, i) => placement.putNear(id, targets[i]!));
    const placedNow = new Set(ready.map((r) => r.id));
    pending = pending.filter((id) => !placedNow.has(id));
  }
  placeBelow(byComponent(pending, adjacency), placement);

  const positions: Positions = {};
  for (const id of ids) {
    const p = placement.positions.get(id)!;
    positions[id] = { x: round(p.x), y: round(p.y) };
  }
  return positions;
}
