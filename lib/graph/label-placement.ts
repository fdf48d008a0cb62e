/**
 * Which labels to show so that none overlaps another label or another entity: greedy by priority
 * (the selection, then the caller's ranking), with a uniform grid for neighbour look-ups. Pure; the
 * canvas feeds it Cytoscape's own label boxes, the server-drawn picture feeds it estimated ones.
 */

export interface Box { x1: number; y1: number; x2: number; y2: number }

export interface LabelCandidate {
  id: string;
  /** The label's box. */
  label: Box;
  /** Higher wins. Ties go to the id, so the outcome is the same every time. */
  priority: number;
  /** Always shown (selected, hovered): placed first, whatever it overlaps. */
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
}

/** The ids whose labels can be shown without overlapping a shown label or another entity. */
export function placeLabels(candidates: LabelCandidate[], obstacles: Obstacle[]): Set<string> {
  const sizes = candidates.map((c) => Math.max(c.label.x2 - c.label.x1, c.label.y2 - c.label.y1)).filter((s) => s > 0).sort((a, b) => a - b);
  const cell = Math.max(1, sizes[Math.floor(sizes.length / 2)] ?? 100);
  const placed = new BoxGrid<{ id: string; box: Box }>(cell);
  const bodies = new BoxGrid<Obstacle>(cell);
  for (const obstacle of obstacles) bodies.add(obstacle);
  const order = [...candidates].sort((a, b) => Number(Boolean(b.forced)) - Number(Boolean(a.forced)) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = new Set<string>();
  for (const candidate of order) {
    const box = candidate.label;
    if (box.x2 <= box.x1 || box.y2 <= box.y1) continue;
    if (!candidate.forced && (placed.hits(box, () => false) || bodies.hits(box, (o) => o.id === candidate.id))) continue;
    shown.add(candidate.id);
    placed.add({ id: candidate.id, box });
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
