import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '@/graph-seed/load';
import { readSeedDir } from '@/graph-seed/validate';
import { countryPoint, worldBounds } from '../geo/world';
import type { LayoutEdge, Point, Positions } from './compute-layout';
import { MAP_MIN_DISTANCE, mapLayout } from './map-layout';

const seed = readSeedDir(DEFAULT_SEED_DIR);
const nodes = seed.nodes.map((n) => ({ id: n.id, name: n.names.en, type: n.type, properties: n.properties }));
const edges: LayoutEdge[] = seed.relationships.map((r) => ({ source: r.from, target: r.to }));
const countries = nodes.filter((n) => n.type === 'Country');

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function closestPair(positions: Positions): { ids: string[]; distance: number } {
  const entries = Object.entries(positions);
  let best = { ids: [] as string[], distance: Infinity };
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const d = distance(entries[i]![1], entries[j]![1]);
      if (d < best.distance) best = { ids: [entries[i]![0], entries[j]![0]], distance: d };
    }
  }
  return best;
}

describe('mapLayout', () => {
  const positions = mapLayout(nodes, edges);

  it('places every seed entity, with no two closer than the minimum distance', () => {
    expect(Object.keys(positions).sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(countries.length).toBeGreaterThan(150);
    expect(closestPair(positions).distance).toBeGreaterThanOrEqual(MAP_MIN_DISTANCE);
    for (const p of Object.values(positions)) {
      expect(Math.round(p.x * 100) / 100).toBe(p.x);
      expect(Math.round(p.y * 100) / 100).toBe(p.y);
    }
  });

  it('keeps the geography: Kazakhstan east of Italy and north of India, Chile below Peru', () => {
    const withIndia = mapLayout([...nodes, { id: 'country:IND', name: 'India', type: 'Country' }], edges);
    const at = (id: string) => withIndia[id]!;
    expect(at('country:KAZ').x).toBeGreaterThan(at('country:ITA').x);
    expect(at('country:KAZ').y).toBeLessThan(at('country:IND').y);
    expect(at('country:CHL').y).toBeGreaterThan(at('country:PER').y);
  });

  it('moves countries only as far as crowding asks', () => {
    const moved = countries.map((n) => distance(positions[n.id]!, countryPoint(n.id.slice('country:'.length))!));
    // New Zealand has no neighbour within reach in the seed: it stays exactly on its point.
    expect(distance(positions['country:NZL']!, countryPoint('NZL')!)).toBeLessThan(0.01);
    expect(moved.reduce((sum, d) => sum + d, 0) / moved.length).toBeLessThan(MAP_MIN_DISTANCE / 2);
    expect(Math.max(...moved)).toBeLessThan(3 * MAP_MIN_DISTANCE);
  });

  it('gives the same positions whatever the order of nodes and edges', () => {
    const shuffled = [...nodes].sort((a, b) => (a.id.length % 7) - (b.id.length % 7) || (a.id < b.id ? 1 : -1));
    expect(mapLayout(shuffled, [...edges].reverse())).toEqual(positions);
  });

  it('puts an entity linked only to China next to China, on no other node', () => {
    const lab = { id: 'lab:test', name: 'A laboratory', type: 'Laboratory' };
    const result = mapLayout([...countries, lab], [{ source: lab.id, target: 'country:CHN' }]);
    expect(distance(result[lab.id]!, result['country:CHN']!)).toBeLessThan(3 * MAP_MIN_DISTANCE);
    expect(closestPair(result).distance).toBeGreaterThanOrEqual(MAP_MIN_DISTANCE);
  });

  it('puts entities reached through other entities near those, and unlinked ones in a row below the map', () => {
    const extra = [
      { id: 'org:a', name: 'A', type: 'Organization' },
      { id: 'person:b', name: 'B', type: 'Person' },
      { id: 'note:z', name: 'Z', type: 'Note' },
      { id: 'note:y', name: 'Y', type: 'Note' },
      { id: 'x:atlantis', name: 'Atlantis', type: 'Country' },
    ];
    const links = [{ source: 'org:a', target: 'country:KEN' }, { source: 'person:b', target: 'org:a' }];
    const result = mapLayout([...countries, ...extra], links);
    expect(distance(result['person:b']!, result['org:a']!)).toBeLessThan(3 * MAP_MIN_DISTANCE);
    const bottom = worldBounds().y + worldBounds().height;
    const row = ['note:y', 'note:z', 'x:atlantis'].map((id) => result[id]!);
    for (const p of row) {
      expect(p.y).toBeGreaterThan(bottom);
      expect(p.y).toBe(row[0]!.y);
    }
    expect(row[0]!.x).toBeLessThan(row[1]!.x);
    expect(row[1]!.x).toBeLessThan(row[2]!.x);
  });

  it('separates two entities of the same country', () => {
    const twins = [
      { id: 'a', name: 'Kenya', type: 'Country' },
      { id: 'b', name: 'Kenya', type: 'Country', properties: { iso2: 'KE' } },
    ];
    const result = mapLayout(twins, []);
    expect(distance(result.a!, result.b!)).toBeGreaterThanOrEqual(MAP_MIN_DISTANCE);
    expect(distance(result.a!, countryPoint('KEN')!)).toBeLessThan(MAP_MIN_DISTANCE);
  });

  it('lays out nothing as nothing', () => {
    expect(mapLayout([], [])).toEqual({});
  });
});
