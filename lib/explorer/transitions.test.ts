import { describe, expect, it } from 'vitest';
import { groupKey } from '../graph/groups';
import { newPathState } from '../url-path';
import type { Subgraph } from '../graph/types';
import { EMPTY_STATE, stateIds, type ExplorerState } from '../url-state';
import { GraphCache } from './graph-cache';
import { sameLayout, settle, transition } from './transitions';

const view = (patch: Partial<ExplorerState>): ExplorerState => ({ ...EMPTY_STATE, ...patch });

describe('explorer transitions', () => {
  it('adds an expansion as one new batch, counts the expansion and selects the entity', () => {
    const before = view({ batches: [['a', 'b']] });
    const after = transition(before, { kind: 'addBatch', ids: ['b', 'c', 'd', 'c'], expanded: 'a', selected: { kind: 'node', id: 'a' } });
    expect(after.batches).toEqual([['a', 'b'], ['c', 'd']]);
    expect(after.expanded).toEqual({ a: 1 });
    expect(after.selected).toEqual({ kind: 'node', id: 'a' });
    expect(transition(after, { kind: 'addBatch', ids: ['e'], expanded: 'a' }).expanded).toEqual({ a: 2 });
  });

  it('removes an entity with its groups, its selection and a path that ends at it', () => {
    const before = view({
      batches: [['a', 'b'], [groupKey({ origin: 'a', relType: '*', entityType: 'Country' }), 'c']], expanded: { a: 1, b: 1 },
      selected: { kind: 'edge', source: 'a', type: 'R', target: 'b' }, path: newPathState('c', 'a'),
    });
    const after = transition(before, { kind: 'remove', id: 'a' });
    expect(after.batches).toEqual([['b'], ['c']]);
    expect(after.expanded).toEqual({ b: 1 });
    expect(after.selected).toBeNull();
    expect(after.path).toBeNull();
  });

  it('collapses only the neighbours that are on screen because of the entity', () => {
    const before = view({ batches: [['hub'], ['x', 'y', 'z']], expanded: { hub: 1, z: 1 } });
    const edges = [{ source: 'hub', target: 'x' }, { source: 'hub', target: 'y' }, { source: 'y', target: 'w' }, { source: 'hub', target: 'z' }];
    const after = transition(before, { kind: 'collapse', id: 'hub', edges });
    expect(stateIds(after).sort()).toEqual(['hub', 'y', 'z']);
    expect(after.expanded).toEqual({ z: 1 });
  });

  it('reveals a relationship by bringing its far end in and selecting it', () => {
    const after = transition(view({ batches: [['a']] }), { kind: 'reveal', edge: { source: 'a', type: 'R', target: 'b' } });
    expect(after.batches).toEqual([['a'], ['b']]);
    expect(after.selected).toEqual({ kind: 'edge', source: 'a', type: 'R', target: 'b' });
  });

  it('keeps the same state object for a selection, layout or path that does not change', () => {
    const before = view({ batches: [['a']], selected: { kind: 'node', id: 'a' } });
    expect(transition(before, { kind: 'select', selection: { kind: 'node', id: 'a' } })).toBe(before);
    expect(transition(before, { kind: 'layout', layout: 'force' })).toBe(before);
    expect(transition(before, { kind: 'clearPath' })).toBe(before);
    expect(transition(before, { kind: 'layout', layout: 'grid' }).layout).toBe('grid');
  });

  it('toggles a type in the sorted hidden list', () => {
    const hidden = transition(view({ hiddenTypes: ['Person'] }), { kind: 'toggleType', type: 'Country' });
    expect(hidden.hiddenTypes).toEqual(['Country', 'Person']);
    expect(transition(hidden, { kind: 'toggleType', type: 'Person' }).hiddenTypes).toEqual(['Country']);
  });

  it('draws a path: its new entities as a batch and the pair in the state', () => {
    const after = transition(view({ batches: [['a']] }), { kind: 'path', path: newPathState('a', 'c'), ids: ['a', 'b', 'c'] });
    expect(after.batches).toEqual([['a'], ['b', 'c']]);
    expect(after.path).toMatchObject({ from: 'a', to: 'c', index: 0 });
    // Choosing the second of the ranked paths adds what it passes through and says which is drawn.
    const second = transition(after, { kind: 'path', path: { ...after.path!, index: 1 }, ids: ['a', 'd', 'c'] });
    expect(second.batches).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(second.path?.index).toBe(1);
  });

  it('settles a loaded step: drops entities the database lost, keeps how the view is drawn, says what was added', () => {
    const drawing = view({ batches: [['a']], size: 'pagerank', time: { from: 2015, to: 2020 } });
    const next = view({ batches: [['a'], ['b', 'gone']], size: 'links' });
    const { state, added } = settle(next, drawing, new Set(['a', 'b']));
    expect(state.batches).toEqual([['a'], ['b']]);
    expect(state.size).toBe('pagerank');
    expect(state.time).toEqual({ from: 2015, to: 2020 });
    expect(added).toEqual(['b']);
    expect(sameLayout(state, drawing)).toBe(false);
    expect(sameLayout(state, { ...state, selected: { kind: 'node', id: 'a' } })).toBe(true);
  });
});

describe('graph cache', () => {
  const graph = (n: number): Subgraph => ({ nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `n${i}`, type: 'T', labels: ['T'], degree: 0 }) as never), edges: [] });

  it('drops the least recently used graphs beyond its bound, never the newest', () => {
    const cache = new GraphCache(10);
    cache.set('a', graph(4));
    cache.set('b', graph(4));
    expect(cache.get('a')).toBeDefined();
    cache.set('c', graph(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.weight).toBeLessThanOrEqual(10);
    cache.set('huge', graph(50));
    expect(cache.size).toBe(1);
    expect(cache.get('huge')?.nodes).toHaveLength(50);
  });

  it('keys a set of ids the same whatever their order or repeats', () => {
    expect(GraphCache.key(['b', 'a', 'b'])).toBe(GraphCache.key(['a', 'b']));
  });
});
