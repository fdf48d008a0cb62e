import { describe, expect, it } from 'vitest';
import { groupEdge, groupKey, groupNode } from '../graph/groups';
import { labellerFor } from '../i18n/translate';
import { previewSvg } from './preview-svg';
import type { Subgraph } from '../graph/types';

const key = groupKey({ origin: 'i:bri', relType: '*', entityType: 'Country' });
const graph: Subgraph = {
  nodes: [
    { id: 'i:bri', type: 'Initiative', name: 'Belt and Road Initiative', degree: 160 },
    { id: 'c:kaz', type: 'Country', name: 'Kazakhstan', degree: 3 },
    { id: 'p:yin', type: 'Person', name: 'Yin Hejun', degree: 4 },
    groupNode(key, { origin: 'i:bri', relType: '*', entityType: 'Country' }, 151, 1),
  ],
  edges: [
    { id: 'c:kaz-PARTNER_OF->i:bri', source: 'c:kaz', target: 'i:bri', type: 'PARTNER_OF', properties: {}, sources: [] },
    { id: 'p:yin-SPOKE_AT->i:bri', source: 'p:yin', target: 'i:bri', type: 'SPOKE_AT', properties: {}, sources: [] },
    groupEdge(key, { origin: 'i:bri', relType: '*', entityType: 'Country' }),
  ],
};
const positions = { 'i:bri': { x: 0, y: 0 }, 'c:kaz': { x: 200, y: 0 }, 'p:yin': { x: -200, y: 50 }, [key]: { x: 0, y: 220 } };

describe('previewSvg honours the link', () => {
  it('leaves hidden types out, with their lines', () => {
    const svg = previewSvg(graph, positions, { hiddenTypes: ['Country'] });
    expect(svg).not.toContain('Kazakhstan');
    expect(svg).not.toContain('150');
    expect(svg).toContain('Yin Hejun');
    expect(svg.match(/<line /g)).toHaveLength(1);
  });

  it('rings the selection and dims what is not linked to it', () => {
    const svg = previewSvg(graph, positions, { selectedId: 'c:kaz' });
    expect(svg).toMatch(/cx="200" cy="0"[^>]*stroke="#111827"/);
    expect(svg).toMatch(/cx="-200" cy="50"[^>]*opacity="0.3"/);
  });

  it('draws a path in red, a group as a group with its count, and the map under everything', () => {
    const svg = previewSvg(graph, positions, {
      pathIds: new Set(['c:kaz', 'i:bri', 'c:kaz-PARTNER_OF->i:bri']),
      names: labellerFor('en'),
      background: { svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', x: -1200, y: -534, width: 2400, height: 1068 },
    });
    expect(svg).toMatch(/<line x1="200" y1="0" x2="0" y2="0" stroke="#d7263d"/);
    expect(svg).toContain('>150<');
    expect(svg).toContain('countries');
    expect(svg.indexOf('<image')).toBeGreaterThan(0);
    expect(svg.indexOf('<image')).toBeLessThan(svg.indexOf('<line'));
  });

  it('moves aside an entity an analysis draws bigger than the layout made room for', () => {
    // Kazakhstan laid out 50 units from the initiative (their circles 3 apart), then drawn as big as it by PageRank.
    const close = { ...positions, 'c:kaz': { x: 50, y: 0 } };
    const style = {
      settings: { size: 'pagerank' as const, colour: 'type' as const }, sizes: { 'i:bri': 56, 'c:kaz': 56, 'p:yin': 30 }, colours: {}, communities: [],
      smaller: { communities: 0, entities: 0 }, unlinked: 0, top: ['i:bri'], analysed: { entities: 3, relationships: 2 },
    };
    const circles = (svg: string) => [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
    const drawn = circles(previewSvg(graph, close, { style }));
    expect(drawn).toHaveLength(3);
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const [a, b] = [drawn[i]!, drawn[j]!];
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
      }
    }
    // Without the analysis, the layout's own sizes fit and nothing moves.
    expect(circles(previewSvg(graph, close))).toContainEqual({ x: 50, y: 0, r: 19 });
  });
});
