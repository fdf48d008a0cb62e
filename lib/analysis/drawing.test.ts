import { describe, expect, it } from 'vitest';
import { groupEdge, groupKey, groupNode } from '../graph/groups';
import { previewSvg } from '../draw/preview-svg';
import { toElements } from '../draw/to-elements';
import type { Subgraph } from '../graph/types';
import { GROUP_COLOUR } from './settings';
import { styleView } from './view-style';
import { filterView } from './visibility';

// The canvas's elements and the server's picture draw the same analysis and the same time filter.
const key = groupKey({ origin: 'i:bri', relType: '*', entityType: 'Country' });
const graph: Subgraph = {
  nodes: [
    { id: 'i:bri', type: 'Initiative', name: 'Belt and Road Initiative', degree: 160, time: '2013/..', timeKey: 'proposedYear' },
    { id: 'c:kaz', type: 'Country', name: 'Kazakhstan', degree: 3, time: '2015-08/..', timeKey: 'joinedBriDate' },
    { id: 'c:ita', type: 'Country', name: 'Italy', degree: 3, time: '2019-03/2023-12-06', timeKey: 'joinedBriDate/exitedBri' },
    { id: 'p:yin', type: 'Person', name: 'Yin Hejun', degree: 4 },
    groupNode(key, { origin: 'i:bri', relType: '*', entityType: 'Country' }, 151, 149),
  ],
  edges: [
    { id: 'c:kaz-PARTNER_OF->i:bri', source: 'c:kaz', target: 'i:bri', type: 'PARTNER_OF', properties: {}, sources: [], time: '2015-08/..' },
    { id: 'c:ita-PARTNER_OF->i:bri', source: 'c:ita', target: 'i:bri', type: 'PARTNER_OF', properties: {}, sources: [], time: '2019-03/2023-12-06' },
    { id: 'p:yin-SPOKE_AT->i:bri', source: 'p:yin', target: 'i:bri', type: 'SPOKE_AT', properties: {}, sources: [] },
    groupEdge(key, { origin: 'i:bri', relType: '*', entityType: 'Country' }),
  ],
};
const positions = { 'i:bri': { x: 0, y: 0 }, 'c:kaz': { x: 200, y: 0 }, 'c:ita': { x: 0, y: -200 }, 'p:yin': { x: -200, y: 50 }, [key]: { x: 0, y: 220 } };
const settings = { size: 'pagerank' as const, colour: 'community' as const };
const filter = { hiddenTypes: [], time: { from: 2024, to: 2025 }, undated: 'show' as const };

describe('drawing an analysis and a time range', () => {
  const { time, input } = filterView(graph, filter, settings);
  const style = styleView(input, settings);

  it('gives the canvas sizes and community colours, hides what is out of range, and greys group nodes', () => {
    const elements = toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set(), hiddenIds: time.hidden, style });
    const data = (id: string) => elements.find((e) => e.data.id === id)!;
    expect(data('c:ita').classes).toContain('filtered');
    expect(data('c:ita-PARTNER_OF->i:bri').classes).toContain('filtered');
    expect(data('c:kaz').classes).not.toContain('filtered');
    expect(data('i:bri').data.size).toBe(style.sizes['i:bri']);
    expect(data('i:bri').data.colour).toBe(style.colours['i:bri']);
    expect(data(key).data.colour).toBe(GROUP_COLOUR);
    // Without an analysis: database degree and type colours (no colour data at all).
    const plain = toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set() });
    expect(plain.find((e) => e.data.id === 'i:bri')!.data).not.toHaveProperty('colour');
  });

  it('draws the same on the server: hidden ones left out, sizes and colours as on the canvas', () => {
    const svg = previewSvg(graph, positions, { hiddenIds: time.hidden, style });
    expect(svg).not.toContain('Italy');
    expect(svg.match(/<line /g)).toHaveLength(3); // Kazakhstan's, Yin Hejun's and the group's
    expect(svg).toContain(`r="${style.sizes['i:bri']! / 2}" fill="${style.colours['i:bri']}"`);
    expect(svg).toContain(`stroke="${GROUP_COLOUR}"`);
  });
});
