import { describe, expect, it } from 'vitest';
import { groupKey } from '../graph/groups';
import type { GraphEdge, GraphNode, Subgraph } from '../graph/types';
import { COMMUNITY_PALETTE, UNLINKED_COLOUR } from './settings';
import { styleView } from './view-style';
import { filterView, timeSummary } from './visibility';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, type: 'Organization', name: id.toUpperCase(), degree: 10, ...extra });
const edge = (source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}-LINKS->${target}`, source, target, type: 'LINKS', properties: {}, sources: [], ...extra,
});

// Two tight clusters joined by one relationship (a1-b1), a hub pointed at by all of cluster b,
// an entity linked to nothing in the view, and a group node that is not an entity.
const group = groupKey({ origin: 'a1', relType: '*', entityType: 'Country' });
const graph: Subgraph = {
  nodes: [
    node('a1', { time: '2013/..', timeKey: 'joinedBri' }), node('a2', { time: '2016-05' }), node('a3'),
    node('b1', { time: '2023-11-06/2023-11-07' }), node('hub', { type: 'Initiative', degree: 151 }), node('b2'), node('b3'),
    node('lonely', { time: '1997-03-14/..' }),
    { id: group, type: 'Country', name: '151 countries', degree: 0, group: { origin: 'a1', relType: '*', entityType: 'Country', total: 151, remaining: 151 } },
  ],
  edges: [
    edge('a1', 'a2'), edge('a2', 'a3'), edge('a3', 'a1'),
    edge('b1', 'hub', { time: '2023-11-06' }), edge('b2', 'hub'), edge('b3', 'hub'), edge('b1', 'b2'), edge('b2', 'b3'),
    edge('a1', 'b1', { time: '2017/..' }),
    { id: `${group}->`, source: 'a1', target: group, type: 'GROUP', properties: {}, sources: [] },
  ],
};
const all = { hiddenTypes: [], time: null, undated: 'show' as const };

describe('sizes and colours from the view', () => {
  it('sizes by PageRank: the entity the others point to is the largest, the group node is left out', () => {
    const { input } = filterView(graph, all, { size: 'pagerank', colour: 'type' });
    expect(input.nodes).not.toContain(group);
    expect(input.edges.some((e) => e.target === group)).toBe(false);
    const style = styleView(input, { size: 'pagerank', colour: 'type' });
    expect(style.top[0]).toBe('hub');
    expect(style.sizes.hub).toBe(Math.max(...Object.values(style.sizes)));
    expect(style.sizes.lonely).toBeLessThan(style.sizes.hub!);
    expect(style.colours).toEqual({});
    expect(style.analysed).toEqual({ entities: 8, relationships: 9 });
  });

  it('sizes by degree in the view, not in the database', () => {
    const { input } = filterView(graph, all, { size: 'degree', colour: 'type' });
    const style = styleView(input, { size: 'degree', colour: 'type' });
    // The hub has 151 relationships in the database, like a1; in the view it has 3, as b1 and b2.
    expect(style.top).toEqual(['a1', 'b1', 'b2']);
    expect(new Set(['a1', 'b1', 'b2', 'hub'].map((id) => style.sizes[id])).size).toBe(1);
    expect(style.sizes.hub).toBeGreaterThan(style.sizes.a3!);
    expect(style.sizes.lonely).toBe(26);
  });

  it('colours two Louvain communities, names each by its highest-ranked member, and greys what is linked to nothing', () => {
    const { input } = filterView(graph, all, { size: 'links', colour: 'community' });
    const style = styleView(input, { size: 'links', colour: 'community' });
    expect(style.communities).toHaveLength(2);
    expect(style.communities.map((c) => c.count)).toEqual([4, 3]);
    expect(style.communities[0]).toMatchObject({ leader: 'hub', colour: COMMUNITY_PALETTE[0] });
    expect(new Set(['b1', 'b2', 'b3', 'hub'].map((id) => style.colours[id]))).toEqual(new Set([COMMUNITY_PALETTE[0]]));
    expect(new Set(['a1', 'a2', 'a3'].map((id) => style.colours[id]))).toEqual(new Set([COMMUNITY_PALETTE[1]]));
    expect(style.colours.lonely).toBe(UNLINKED_COLOUR);
    expect(style.unlinked).toBe(1);
    expect(style.sizes).toEqual({});
  });

  it('gives the same picture every time, whatever order the view arrives in', () => {
    const settings = { size: 'pagerank' as const, colour: 'community' as const };
    const first = filterView(graph, all, settings);
    const shuffled = { nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    const again = filterView(shuffled, all, settings);
    expect(styleView(again.input, settings)).toEqual(styleView(first.input, settings));
  });

  it('analyses what is shown: hidden types and the time range leave the computation', () => {
    const settings = { size: 'degree' as const, colour: 'type' as const };
    const typed = filterView(graph, { ...all, hiddenTypes: ['Initiative'] }, settings);
    expect(typed.input.nodes).not.toContain('hub');
    const timed = filterView(graph, { ...all, time: { from: 2020, to: 2025 }, undated: 'hide' }, settings);
    expect(timed.input.nodes.sort()).toEqual(['a1', 'b1', 'lonely']);
    expect(timed.input.edges).toEqual([{ source: 'a1', target: 'b1' }]);
    expect(timed.key).not.toBe(filterView(graph, all, settings).key);
  });
});

describe('the time filter', () => {
  it('keeps what happened or was in force in the range, and counts the undated without dating them', () => {
    const summary = timeSummary(graph, { range: { from: 2014, to: 2020 }, undated: 'show' });
    expect(summary.extent).toEqual({ from: 1997, to: 2023 });
    // a1 since 2013 and lonely since 1997 are in force; a2 (2016) happened in it; b1 (2023) did not.
    expect([...summary.hidden].sort()).toEqual(['b1', 'b1-LINKS->hub']);
    expect(summary.dated).toEqual({ entities: 4, relationships: 2 });
    expect(summary.undated).toEqual({ entities: 4, relationships: 7 });
    expect(summary.outside).toEqual({ entities: 1, relationships: 1 });
    expect(summary.keys[0]).toEqual({ key: 'joinedBri', count: 1 });
  });

  it('hides the undated only when asked, and never a group node', () => {
    const hidden = timeSummary(graph, { range: null, undated: 'hide' }).hidden;
    expect(hidden.has('a3')).toBe(true);
    expect(hidden.has('a1-LINKS->a2')).toBe(true);
    expect(hidden.has(group)).toBe(false);
    expect(hidden.has(`${group}->`)).toBe(false);
    expect(timeSummary(graph, { range: null, undated: 'show' }).hidden.size).toBe(0);
  });
});
