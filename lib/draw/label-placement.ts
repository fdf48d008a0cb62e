/**
 * Which labels to show, and where, so that none overlaps another label or another entity: greedy by
 * priority (the selection, then the caller's ranking), each label tried below its entity, then
 * above, beside and at its corners (see labelSpots), with a uniform grid for neighbour look-ups. Pure; the
 * canvas feeds it Cytoscape's own label boxes, the server-drawn picture feeds it estimated ones.
 */

export interface Box { x1: number; y1: number; x2: number; y2: number }

export interface LabelCandidate {
  id: string;
  /** The label's box where it is drawn by default (below its entity). */
  label: Box;
  /** Other places for it, in order of preference (labelSpots): tried when the default is taken. */
  alternatives?: Box[];
  /** Higher wins. Ties go to the id, so the outcome is the same every time. */
  priority: number;
  /** Always shown (selected, hovered): placed first, where it covers the fewest entities and labels. */
  forced?: boolean;
}

export interface Obstacle {
  /** The entity a box belongs to: its own label may overlap it. */
  id: string;
  box: Box;
}

const intersects = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

class BoxGrid<T extends { box: Box }> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly cell: number) {}
  private *keys(b: Box): Generator<string> {
    for (let x = Math.floor(b.x1 / this.cell); x <= Math.floor(b.x2 / this.cell); x++) {
      for (let y = Math.floor(b.y1 / this.cell); y <= Math.floor(b.y2 / this.cell); y++) yield `${x},${y}`;
    }
  }
  add(item: T): void {
    for (const key of this.keys(item.box)) {
      const list = this.cells.get(key);
      if (list) list.push(item);
      else this.cells.set(key, [item]);
    }
  }
  hits(b: Box, skip: (item: T) => boolean): boolean {
    for (const key of this.keys(b)) {
      for (const item of this.cells.get(key) ?? []) if (!skip(item) && intersects(item.box, b)) return true;
    }
    return false;
  }
  /** How many distinct items the box overlaps. */
  count(b: Box, skip: (item: T) => boolean): number {
    const seen = new Set<T>();
    for (const key of this.keys(b)) {
      for (const item of this.cells.get(key) ?? []) if (!skip(item) && intersects(item.box, b)) seen.add(item);
    }
    return seen.size;
  }
}

/** Where a label goes: the index of the box chosen (0: the default, then its alternatives in order). */
export type LabelSpots = Map<string, number>;

/** A box moved by (dx, dy). */
export const shifted = (b: Box, dx: number, dy: number): Box => ({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });

/**
 * The moves that take a label from below its entity (its default place) to above it, to its right,
 * to its left, then to its four corners, keeping the same gap from the entity's body; the first is
 * no move. Both the canvas (as text margins) and the server-drawn picture apply them, so both place
 * labels alike.
 */
export function labelSpots(body: Box, below: Box): { dx: number; dy: number }[] {
  const gap = Math.max(0, below.y1 - body.y2);
  const up = body.y1 - gap - below.y2;
  const middle = (body.y1 + body.y2) / 2 - (below.y1 + below.y2) / 2;
  const right = body.x2 - below.x1;
  const left = body.x1 - below.x2;
  return [
    { dx: 0, dy: 0 },
    { dx: 0, dy: up },
    { dx: right + gap, dy: middle },
    { dx: left - gap, dy: middle },
    { dx: right, dy: 0 },
    { dx: left, dy: 0 },
    { dx: right, dy: up },
    { dx: left, dy: up },
  ];
}

const inside = (b: Box, bounds: Box | undefined) => !bounds || (b.x1 >= bounds.x1 && b.y1 >= bounds.y1 && b.x2 <= bounds.x2 && b.y2 <= bounds.y2);

/**
 * The labels that can be shown without overlapping a shown label or another entity (or leaving
 * `bounds`, the part of the picture that is seen), each with the place it takes (its first free
 * box). A forced label always shows: in its first free box, else in the one inside the bounds that
 * covers the fewest other entities and labels.
 */
export function placeLabels(candidates: LabelCandidate[], obstacles: Obstacle[], bounds?: Box): LabelSpots {
  const sizes = candidates.map((c) => Math.max(c.label.x2 - c.label.x1, c.label.y2 - c.label.y1)).filter((s) => s > 0).sort((a, b) => a - b);
  const cell = Math.max(1, sizes[Math.floor(sizes.length / 2)] ?? 100);
  const placed = new BoxGrid<{ id: string; box: Box }>(cell);
  const bodies = new BoxGrid<Obstacle>(cell);
  for (const obstacle of obstacles) bodies.add(obstacle);
  const order = [...candidates].sort((a, b) => Number(Boolean(b.forced)) - Number(Boolean(a.forced)) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown: LabelSpots = new Map();
  for (const candidate of order) {
    if (candidate.label.x2 <= candidate.label.x1 || candidate.label.y2 <= candidate.label.y1) continue;
    const boxes = [candidate.label, ...(candidate.alternatives ?? [])];
    const own = (o: Obstacle) => o.id === candidate.id;
    let spot = boxes.findIndex((box) => inside(box, bounds) && !placed.hits(box, () => false) && !bodies.hits(box, own));
    if (spot < 0 && candidate.forced) {
      const never = candidates.length + obstacles.length + 1;
      // Never over its own entity, never off the picture: the fewest others covered otherwise.
      const covered = boxes.map((box) => bodies.count(box, own) + placed.count(box, () => false)
        + (inside(box, bounds) ? 0 : never) + (bodies.hits(box, (o) => !own(o)) ? never : 0));
      spot = covered.indexOf(Math.min(...covered));
    }
    if (spot < 0) continue;
    shown.set(candidate.id, spot);
    placed.add({ id: candidate.id, box: boxes[spot]! });
  }
  return shown;
}

/** Pairs of boxes that overlap (for checks and tests). */
export function overlappingBoxes(boxes: { id: string; box: Box }[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!.box, boxes[j]!.box)) pairs.push([boxes[i]!.id, boxes[j]!.id]);
  }
  return pairs;
}
