import { beforeEach, describe, expect, it } from 'vitest';
import { clearLayoutCache, computeLayout, rememberLayout, type LayoutEdge } from './compute-layout';

const hub = 'hub:a';
const first = ['hub:a', 'n:1', 'n:2', 'n:3', 'n:4'];
const second = Array.from({ length: 12 }, (_, i) => `m:${i}`);
const edges: LayoutEdge[] = [
  ...first.slice(1).map((id) => ({ source: hub, target: id })),
  ...second.map((id) => ({ source: 'n:1', target: id })),
  { source: 'n:2', target: 'n:3' },
];

describe('computeLayout', () => {
  beforeEach(clearLayoutCache);

  it('gives the same positions for the same view, every time', () => {
    const a = computeLayout({ batches: [first, second], edges });
    clearLayoutCache();
    const b = computeLayout({ batches: [first, second], edges: [...edges].reverse() });
    expect(b).toEqual(a);
    expect(Object.keys(a).sort()).toEqual([...first, ...second].sort());
  });

  it('never moves entities that were already on screen when a batch is added', () => {
    const before = computeLayout({ batches: [first], edges });
    clearLayoutCache();
    const after = computeLayout({ batches: [first, second], edges });
    for (const id of first) expect(after[id]).toEqual(before[id]);
  });

  it('keeps entities apart rather than piling them up', () => {
    const positions = Object.values(computeLayout({ batches: [first, second], edges }));
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const d = Math.hypot(positions[i]!.x - positions[j]!.x, positions[i]!.y - positions[j]!.y);
        expect(d).toBeGreaterThan(15);
      }
    }
  });

  it('reuses the layout of earlier batches, with the same result as computing afresh', () => {
    const third = ['z:1', 'z:2'];
    const more = [...edges, { source: 'm:3', target: 'z:1' }, { source: 'z:1', target: 'z:2' }];
    const fresh = computeLayout({ batches: [first, second, third], edges: more });
    clearLayoutCache();
    computeLayout({ batches: [first, second], edges: more });
    expect(computeLayout({ batches: [first, second, third], edges: more })).toEqual(fresh);

    // Positions handed over from elsewhere (the server) serve as that prefix, too.
    clearLayoutCache();
    const handedOver = computeLayout({ batches: [first, second], edges: more });
    clearLayoutCache();
    rememberLayout([first, second], more, handedOver);
    expect(computeLayout({ batches: [first, second, third], edges: more })).toEqual(fresh);
  });

  it('supports circle and grid layouts that ignore history', () => {
    const circle = computeLayout({ batches: [first, second], edges, layout: 'circle' });
    expect(computeLayout({ batches: [[...first, ...second]], edges, layout: 'circle' })).toEqual(circle);
  });
});

describe('computeLayout keeps entities apart', () => {
  beforeEach(clearLayoutCache);

  it('lays out a 150-neighbour hub and later batches with no two entities overlapping', async () => {
    const { overlappingPairs } = await import('./spacing');
    const core = ['hub:x', ...Array.from({ length: 20 }, (_, i) => `core:${i}`)];
    const countries = Array.from({ length: 151 }, (_, i) => `country:${String(i).padStart(3, '0')}`);
    const late = ['late:pick'];
    const hubEdges: LayoutEdge[] = [
      ...core.slice(1).map((id) => ({ source: 'hub:x', target: id })),
      ...countries.map((id) => ({ source: id, target: 'hub:x' })),
      { source: 'core:3', target: 'late:pick' },
    ];
    const sizes = Object.fromEntries([...core, ...countries, ...late].map((id, i) => [id, id === 'hub:x' ? 56 : 26 + (i % 5) * 6]));
    const positions = computeLayout({ batches: [core, countries, late], edges: hubEdges, sizes });
    expect(Object.keys(positions)).toHaveLength(core.length + countries.length + late.length);
    expect(overlappingPairs(positions, sizes, 20)).toEqual([]);
    // The search pick lands next to what it is linked to, not across the picture.
    const d = Math.hypot(positions['late:pick']!.x - positions['core:3']!.x, positions['late:pick']!.y - positions['core:3']!.y);
    expect(d).toBeLessThan(400);
  });

  it('spaces circle and grid layouts by the largest entity', async () => {
    const { overlappingPairs } = await import('./spacing');
    const ids = Array.from({ length: 60 }, (_, i) => `n:${i}`);
    const sizes = Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 56 : 30]));
    for (const layout of ['circle', 'grid'] as const) {
      expect(overlappingPairs(computeLayout({ batches: [ids], edges: [], layout, sizes }), sizes, 20)).toEqual([]);
    }
  });
});
