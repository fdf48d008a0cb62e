/**
 * Neighbour pages in a stable order without reading a hub's every relationship: the counts per
 * relationship type come from the degree store, so the page's offset is mapped to the types it falls
 * in, and only those are read (from `skip`, `take` rows). Pure, so it is unit-tested.
 */

export interface TypeDegree {
  type: string;
  out: number;
  in: number;
}

export interface PageSegment {
  type: string;
  skip: number;
  take: number;
  /** Small types are sorted by name; larger ones are read in the database's own order (see queries.ts). */
  sorted: boolean;
}

/** Types up to this many relationships are sorted by neighbour name within the type. */
export const SORTED_TYPE_LIMIT = 2_000;

/** The slices of each relationship type (in name order) that make up the page at offset/limit. */
export function pageSegments(degrees: TypeDegree[], offset: number, limit: number): PageSegment[] {
  const segments: PageSegment[] = [];
  let skip = offset;
  let left = limit;
  for (const d of [...degrees].sort((a, b) => a.type.localeCompare(b.type))) {
    const count = d.out + d.in;
    if (left <= 0) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const take = Math.min(left, count - skip);
    segments.push({ type: d.type, skip, take, sorted: count <= SORTED_TYPE_LIMIT });
    left -= take;
    skip = 0;
  }
  return segments;
}
