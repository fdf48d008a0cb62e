import { describe, expect, it } from 'vitest';
import { labelSpots, overlappingBoxes, placeLabels, shifted, type Box, type LabelCandidate, type Obstacle } from './label-placement';

/** An entity of diameter 40 at (x, y) and its 80 x 16 label, 4 below it, with the label's other places. */
function entity(id: string, x: number, y: number, priority = 1, forced = false): { candidate: LabelCandidate; body: Obstacle } {
  const body = { x1: x - 20, y1: y - 20, x2: x + 20, y2: y + 20 };
  const label = { x1: x - 40, y1: y + 24, x2: x + 40, y2: y + 40 };
  const alternatives = labelSpots(body, label).slice(1).map(({ dx, dy }) => shifted(label, dx, dy));
  return { candidate: { id, label, alternatives, priority, forced }, body: { id, box: body } };
}

const boxOf = (c: LabelCandidate, spot: number): Box => [c.label, ...(c.alternatives ?? [])][spot]!;
const intersects = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('labelSpots', () => {
  it('puts a label above, right and left of its entity, then at its corners, with the same gap as below', () => {
    const body = { x1: -20, y1: -20, x2: 20, y2: 20 };
    const below = { x1: -40, y1: 24, x2: 40, y2: 40 };
    expect(labelSpots(body, below).map(({ dx, dy }) => shifted(below, dx, dy))).toEqual([
      below,
      { x1: -40, y1: -40, x2: 40, y2: -24 },
      { x1: 24, y1: -8, x2: 104, y2: 8 },
      { x1: -104, y1: -8, x2: -24, y2: 8 },
      { x1: 20, y1: 24, x2: 100, y2: 40 },
      { x1: -100, y1: 24, x2: -20, y2: 40 },
      { x1: 20, y1: -40, x2: 100, y2: -24 },
      { x1: -100, y1: -40, x2: -20, y2: -24 },
    ]);
  });
});

describe('placeLabels', () => {
  it('keeps a label below its entity when that place is free', () => {
    const a = entity('a', 0, 0);
    expect(placeLabels([a.candidate], [a.body])).toEqual(new Map([['a', 0]]));
  });

  it('moves a label whose place below is taken by another entity above it, and one boxed in below and above beside it', () => {
    const a = entity('a', 0, 0);
    const under = entity('under', 0, 50);
    const b = entity('b', 300, 0);
    const bUnder = entity('b-under', 300, 50);
    const bOver = entity('b-over', 300, -50);
    const all = [a, under, b, bUnder, bOver];
    const spots = placeLabels(all.map((e) => e.candidate), all.map((e) => e.body));
    expect(spots.get('a')).toBe(1);
    expect(spots.get('b')).toBe(2);
    // Whatever is shown overlaps no other label and no other entity.
    const shown = all.filter((e) => spots.has(e.candidate.id)).map((e) => ({ id: e.candidate.id, box: boxOf(e.candidate, spots.get(e.candidate.id)!) }));
    expect(overlappingBoxes(shown)).toEqual([]);
    for (const label of shown) {
      for (const other of all) if (other.body.id !== label.id) expect(intersects(label.box, other.body.box), `${label.id} over ${other.body.id}`).toBe(false);
    }
  });

  it('hides a label with no free place, unless it is forced, which then covers as few entities as it can', () => {
    // An entity boxed in on all four sides and at its four corners.
    const around = [entity('n', 0, -50), entity('s', 0, 50), entity('e', 90, 0), entity('w', -90, 0),
      entity('se', 70, 45), entity('sw', -70, 45), entity('ne', 70, -45), entity('nw', -70, -45)];
    const middle = entity('m', 0, 0);
    const obstacles = [middle, ...around].map((e) => e.body);
    expect(placeLabels([middle.candidate], obstacles).has('m')).toBe(false);
    // Forced, with a fifth entity under its place below: it goes where it covers one entity, not two.
    const extra = entity('x', 30, 50);
    const forced = entity('m', 0, 0, 1, true);
    expect(placeLabels([forced.candidate], [...obstacles, extra.body]).get('m')).toBe(1);
  });

  it('keeps labels inside the bounds: one that would leave them takes another place or is hidden', () => {
    const a = entity('a', 0, 0);
    // The picture ends just under the entity: no room below, room above.
    expect(placeLabels([a.candidate], [a.body], { x1: -200, y1: -200, x2: 200, y2: 30 }).get('a')).toBe(1);
    // No room anywhere.
    expect(placeLabels([a.candidate], [a.body], { x1: -25, y1: -25, x2: 25, y2: 25 }).has('a')).toBe(false);
    // Forced: shown, in its default place when every place leaves the bounds.
    const forced = entity('a', 0, 0, 1, true);
    expect(placeLabels([forced.candidate], [forced.body], { x1: -25, y1: -25, x2: 25, y2: 25 }).get('a')).toBe(0);
  });

  it('gives the higher priority its first choice', () => {
    const low = entity('low', 0, 0, 1);
    const high = entity('high', 0, 44, 5);
    // high's place below is free; low's place below would cover high's body, so low goes above.
    const spots = placeLabels([low.candidate, high.candidate], [low.body, high.body]);
    expect(spots.get('high')).toBe(0);
    expect(spots.get('low')).toBe(1);
  });
});
