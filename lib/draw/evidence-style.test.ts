import { describe, expect, it } from 'vitest';
import { previewSvg } from './preview-svg';
import { toElements } from './to-elements';
import type { Subgraph } from '../graph/types';

const edge = (source: string, target: string, evidence?: 'official' | 'single' | 'weak') => ({
  id: `${source}-LINKS->${target}`, source, target, type: 'LINKS', properties: {}, sources: [], ...(evidence ? { evidence } : {}),
});
const graph: Subgraph = {
  nodes: [
    { id: 'a', type: 'Initiative', name: 'A', degree: 3, evidence: 'official' },
    { id: 'b', type: 'Country', name: 'B', degree: 1, evidence: 'single' },
    { id: 'c', type: 'Country', name: 'C', degree: 1, evidence: 'weak' },
    { id: 'd', type: 'Country', name: 'D', degree: 1 },
  ],
  edges: [edge('b', 'a', 'single'), edge('c', 'a', 'weak'), edge('d', 'a', 'official')],
};
const positions = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: -100, y: 0 }, d: { x: 0, y: 100 } };

describe('evidence as drawn', () => {
  it('the server picture: dashed for one publisher, dotted and faint for copies, a ring on an entity resting on copies', () => {
    const svg = previewSvg(graph, positions);
    const lines = svg.match(/<line [^>]*>/g)!;
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('x1="100"'))).toContain('stroke-dasharray="7 4"');
    expect(lines.find((l) => l.includes('x1="-100"'))).toMatch(/stroke-dasharray="1\.6 3\.2".*opacity="0\.5"/);
    expect(lines.find((l) => l.includes('y1="100"'))).not.toContain('stroke-dasharray');
    // One ring, around C only; entities stay the only circles.
    expect(svg.match(/stroke="#d97706"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(4);
  });

  it('the canvas: classes the stylesheet draws, none on a graph without grades', () => {
    const classes = Object.fromEntries(toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set() })
      .map((e) => [e.data.id, String(e.classes ?? '')]));
    expect(classes['c']).toContain('ev-weak');
    expect(classes['b']).not.toContain('ev-');
    expect(classes['b-LINKS->a']).toContain('ev-single');
    expect(classes['c-LINKS->a']).toContain('ev-weak');
    expect(classes['d-LINKS->a']).not.toContain('ev-');
    expect(classes['d']).not.toContain('ev-');
  });
});
