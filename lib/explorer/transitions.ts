import { parseGroupKey } from '../graph/groups';
import type { GraphEdge, Subgraph } from '../graph/types';
import type { LayoutName } from '../layout/compute-layout';
import { capBatches, MAX_VIEW_ENTITIES, stateIds, type ExplorerState, type PathState, type Selection } from '../url-state';

/**
 * The explorer's transitions, pure: what the next view is after a click, given the view on screen.
 * components/explorer/use-explorer.ts loads what a next state needs and shows it; everything that
 * decides *which* state comes next lives here, with unit tests.
 */

export type Transition =
  /** New entities as one layout batch (an expansion, a search pick, a path, a group drawn). */
  | { kind: 'addBatch'; ids: string[]; selected?: Selection; expanded?: string }
  | { kind: 'remove'; id: string }
  | { kind: 'collapse'; id: string; edges: Pick<GraphEdge, 'source' | 'target'>[] }
  | { kind: 'select'; selection: Selection }
  | { kind: 'reveal'; edge: { source: string; type: string; target: string } }
  | { kind: 'toggleType'; type: string }
  | { kind: 'layout'; layout: LayoutName }
  /** A path search, or another of its ranked paths chosen: its entities join the view. */
  | { kind: 'path'; path: PathState; ids: string[] }
  | { kind: 'clearPath' };

/** The state after `transition`; the same object when nothing changes. */
export function transition(current: ExplorerState, t: Transition): ExplorerState {
  switch (t.kind) {
    case 'addBatch': {
      const shown = new Set(stateIds(current));
      const fresh = [...new Set(t.ids)].filter((id) => !shown.has(id));
      return {
        ...current,
        batches: fresh.length > 0 ? [...current.batches, fresh] : current.batches,
        ...(t.expanded ? { expanded: { ...current.expanded, [t.expanded]: (current.expanded[t.expanded] ?? 0) + 1 } } : {}),
        ...(t.selected !== undefined ? { selected: t.selected } : {}),
      };
    }
    case 'remove': {
      const { [t.id]: _gone, ...expanded } = current.expanded;
      // An entity's groups go with it.
      const dropped = (x: string) => x === t.id || parseGroupKey(x)?.origin === t.id;
      const s = current.selected;
      const selected = s?.kind === 'node' && s.id === t.id ? null
        : s?.kind === 'edge' && (s.source === t.id || s.target === t.id) ? null : s;
      const path = current.path && (current.path.from === t.id || current.path.to === t.id) ? null : current.path;
      return { ...current, batches: withoutIds(current.batches, dropped), expanded, selected, path };
    }
    case 'collapse': {
      const links = new Map<string, Set<string>>();
      for (const e of t.edges) {
        links.set(e.source, (links.get(e.source) ?? new Set()).add(e.target));
        links.set(e.target, (links.get(e.target) ?? new Set()).add(e.source));
      }
      // A neighbour stays when it is expanded, selected, or linked to anything else on screen.
      const keep = (other: string) => Boolean(current.expanded[other])
        || (current.selected?.kind === 'node' && current.selected.id === other)
        || [...(links.get(other) ?? [])].some((n) => n !== t.id);
      const drop = new Set([...(links.get(t.id) ?? [])].filter((other) => !keep(other)));
      const { [t.id]: _gone, ...expanded } = current.expanded;
      return { ...current, batches: withoutIds(current.batches, (x) => drop.has(x)), expanded };
    }
    case 'select':
      return JSON.stringify(t.selection) === JSON.stringify(current.selected) ? current : { ...current, selected: t.selection };
    case 'reveal':
      return transition(current, { kind: 'addBatch', ids: [t.edge.source, t.edge.target], selected: { kind: 'edge', ...t.edge } });
    case 'toggleType': {
      const hiddenTypes = current.hiddenTypes.includes(t.type)
        ? current.hiddenTypes.filter((x) => x !== t.type)
        : [...current.hiddenTypes, t.type].sort();
      return { ...current, hiddenTypes };
    }
    case 'layout':
      return current.layout === t.layout ? current : { ...current, layout: t.layout };
    case 'path':
      return { ...transition(current, { kind: 'addBatch', ids: t.ids }), path: t.path };
    case 'clearPath':
      return current.path === null ? current : { ...current, path: null };
  }
}

function withoutIds(batches: string[][], dropped: (id: string) => boolean): string[][] {
  return batches.map((b) => b.filter((id) => !dropped(id))).filter((b) => b.length > 0);
}

/** True when a state shows more entities than a view may hold. */
export function overViewLimit(state: ExplorerState): boolean {
  return new Set(stateIds(state)).size > MAX_VIEW_ENTITIES;
}

/** The requested state with its batches capped (the last steps laid out together past the limit). */
export function capped(state: ExplorerState): ExplorerState {
  return { ...state, batches: capBatches(state.batches) };
}

/**
 * A loaded step as it is shown: entities the database no longer has are dropped, and how the view
 * is drawn (size, colour, time) stays as the reader set it while the step loaded. Says what was
 * added, so the view can frame it.
 */
export function settle(next: ExplorerState, drawing: ExplorerState, present: Set<string>): { state: ExplorerState; added: string[] } {
  const { size, colour, time, undated, evidence } = drawing;
  const state: ExplorerState = {
    ...next, size, colour, time, undated, evidence,
    batches: withoutIds(next.batches, (id) => !present.has(id)),
  };
  const before = new Set(stateIds(drawing));
  return { state, added: stateIds(state).filter((id) => !before.has(id)) };
}

/** Same entities in the same batches and layout: the positions on screen stay as they are. */
export function sameLayout(a: ExplorerState, b: ExplorerState): boolean {
  return a.layout === b.layout && JSON.stringify(a.batches) === JSON.stringify(b.batches);
}

/** The part of a loaded graph that a state shows. */
export function subset(graph: Subgraph, ids: string[]): Subgraph {
  const keep = new Set(ids);
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}
