import { describe, expect, it } from 'vitest';
import { drawnPositions, overlappingPairs } from './spacing';

describe('drawnPositions', () => {
  // Laid out at 32 units wide, 54 apart: the layout's 22-unit gap between rims.
  const laidOut = { a: 32, b: 32, c: 32 };
  const positions = { a: { x: 0, y: 0 }, b: { x: 54, y: 0 }, c: { x: -54, y: 0 } };

  it('leaves the layout as it is when the sizes drawn still fit', () => {
    expect(drawnPositions(positions, laidOut, { a: 40 })).toBe(positions);
    expect(drawnPositions(positions, laidOut, {})).toBe(positions);
  });

  it('moves only the grown entities, and just enough that none overlaps another', () => {
    // Both a and b drawn at 56: their circles would overlap by 2 units.
    const drawn = { a: 56, b: 56 };
    expect(overlappingPairs(positions, { ...laidOut, ...drawn })).not.toEqual([]);
    const moved = drawnPositions(positions, laidOut, drawn);
    expect(overlappingPairs(moved, { ...laidOut, ...drawn })).toEqual([]);
    expect(moved.c).toEqual(positions.c);
    expect(positions.a).toEqual({ x: 0, y: 0 });
    for (const id of ['a', 'b'] as const) expect(Math.hypot(moved[id]!.x - positions[id].x, moved[id]!.y - positions[id].y)).toBeLessThan(54);
  });
});
