import { describe, expect, it } from 'vitest';
import { pageSegments, SORTED_TYPE_LIMIT } from './neighbor-pages';

describe('pageSegments', () => {
  const degrees = [
    { type: 'PART_OF', out: 3, in: 0 },
    { type: 'LINKS', out: 100_000, in: 50_000 },
    { type: 'ACTED_IN', out: 2, in: 1 },
  ];

  it('walks the types in name order and starts the first page at the first type', () => {
    expect(pageSegments(degrees, 0, 5)).toEqual([
      { type: 'ACTED_IN', skip: 0, take: 3, sorted: true },
      { type: 'LINKS', skip: 0, take: 2, sorted: false },
    ]);
  });

  it('maps a deep offset inside a hub type to a skip within that type only', () => {
    expect(pageSegments(degrees, 100_003, 25)).toEqual([{ type: 'LINKS', skip: 100_000, take: 25, sorted: false }]);
  });

  it('crosses from the end of one type into the next', () => {
    expect(pageSegments(degrees, 150_001, 25)).toEqual([
      { type: 'LINKS', skip: 149_998, take: 2, sorted: false },
      { type: 'PART_OF', skip: 0, take: 3, sorted: true },
    ]);
  });

  it('gives nothing past the end', () => {
    expect(pageSegments(degrees, 150_006, 25)).toEqual([]);
  });

  it('sorts a type by name up to the limit, not beyond', () => {
    expect(pageSegments([{ type: 'T', out: SORTED_TYPE_LIMIT, in: 0 }], 0, 1)[0]?.sorted).toBe(true);
    expect(pageSegments([{ type: 'T', out: SORTED_TYPE_LIMIT, in: 1 }], 0, 1)[0]?.sorted).toBe(false);
  });
});
