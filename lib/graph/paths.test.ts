import { describe, expect, it } from 'vitest';
import { answers, comparePaths, pathHubness, rankPaths, type CandidatePath } from './paths';
import type { GraphEdge, GraphNode, SourceRef } from './types';

const node = (id: string, degree = 2): GraphNode => ({ id, type: 'Thing', name: id.toUpperCase(), degree });
const source = (id: string, reliability: SourceRef['reliability']): SourceRef => ({ id, publisher: id, title: '', date: null, url: '', reliability });
const edge = (a: string, b: string, sources: SourceRef[] = [source('s1', 'media')], type = 'LINKS'): GraphEdge =>
  ({ id: `${a}-${type}->${b}`, source: a, target: b, type, properties: {}, sources });
const path = (nodes: GraphNode[], edges: GraphEdge[]): CandidatePath => ({ nodes, edges });

const a = node('a');
const b = node('b');
const hub = node('hub', 170);
const small = node('small', 3);
const other = node('other', 4);

describe('ranked paths', () => {
  it('puts shorter paths first, whatever their evidence', () => {
    const long = path([a, small, other, b], [edge('a', 'small', [source('x', 'official')]), edge('small', 'other', [source('x', 'official')]), edge('other', 'b', [source('x', 'official')])]);
    const short = path([a, hub, b], [edge('a', 'hub', [source('y', 'copy')]), edge('hub', 'b', [source('y', 'copy')])]);
    expect(rankPaths([long, short], 2, true).map((p) => p.length)).toEqual([2, 3]);
  });

  it('at equal length, ranks the better-sourced path first: a path is as strong as its weakest step', () => {
    const viaHub = path([a, hub, b], [edge('a', 'hub', [source('o1', 'official')]), edge('hub', 'b', [source('o2', 'official'), source('m', 'media')])]);
    const weak = path([a, small, b], [edge('a', 'small', [source('c', 'copy')]), edge('small', 'b', [source('o3', 'official')])]);
    const ranked = rankPaths([weak, viaHub], 2, true);
    expect(ranked[0]!.nodes[1]!.id).toBe('hub');
    expect(ranked[0]!.evidence).toEqual({ strength: 3, sources: 3 });
    expect(ranked[1]!.evidence).toEqual({ strength: 1, sources: 2 });
  });

  it('at equal length and evidence, ranks the path avoiding a hub first', () => {
    const viaHub = path([a, hub, b], [edge('a', 'hub'), edge('hub', 'b')]);
    const viaSmall = path([a, small, b], [edge('a', 'small'), edge('small', 'b')]);
    const ranked = rankPaths([viaHub, viaSmall], 2, true);
    expect(ranked.map((p) => p.nodes[1]!.id)).toEqual(['small', 'hub']);
    expect(ranked[0]!.hubness).toBeLessThan(ranked[1]!.hubness);
    expect(pathHubness(viaHub)).toBeCloseTo(Math.log(170), 2);
  });

  it('skips evidence on a graph without sources, and keeps k distinct simple paths', () => {
    const viaHub = path([a, hub, b], [edge('a', 'hub', []), edge('hub', 'b', [])]);
    const parallel = path([a, hub, b], [edge('a', 'hub', [], 'OTHER'), edge('hub', 'b', [])]);
    const loop = path([a, small, a, b], [edge('a', 'small', []), edge('small', 'a', [], 'BACK'), edge('a', 'b', [])]);
    const viaSmall = path([a, small, b], [edge('a', 'small', []), edge('small', 'b', [])]);
    const ranked = rankPaths([viaHub, parallel, loop, viaSmall], 5, false);
    expect(ranked).toHaveLength(2);
    expect(ranked.every((p) => p.evidence === null)).toBe(true);
    expect(ranked.map((p) => p.nodes[1]!.id)).toEqual(['small', 'hub']);
    expect(rankPaths([viaHub, viaSmall], 1, false)).toHaveLength(1);
  });

  it('orders ties the same way every time', () => {
    const one = { ...path([a, small, b], [edge('a', 'small'), edge('small', 'b')]), length: 2, evidence: null, hubness: 1 };
    const two = { ...path([a, other, b], [edge('a', 'other'), edge('other', 'b')]), length: 2, evidence: null, hubness: 1 };
    expect(Math.sign(comparePaths(one, two))).toBe(-Math.sign(comparePaths(two, one)));
    expect(comparePaths(one, two)).not.toBe(0);
  });

  it('knows which answer belongs to which search, whatever the order of its lists', () => {
    const options = { k: 3, maxHops: 6, types: ['B', 'A'], avoid: [], avoidHubs: false, time: null, undated: 'show' as const };
    const result = { from: 'a', to: 'b', options: { ...options, types: ['A', 'B'] }, paths: [], reason: null, message: null };
    expect(answers(result, { from: 'a', to: 'b', ...options })).toBe(true);
    expect(answers(result, { from: 'a', to: 'b', ...options, k: 4 })).toBe(false);
    expect(answers(result, { from: 'b', to: 'a', ...options })).toBe(false);
  });
});
