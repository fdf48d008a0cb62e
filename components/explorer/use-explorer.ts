'use client';

import type { ViewData } from '@/lib/explorer/view';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '@/lib/client/api';
import { groupFilters, isGroupKey, parseGroupKey, planExpansion, withGroups } from '@/lib/graph/groups';
import { GraphCache } from '@/lib/explorer/graph-cache';
import { capped, overViewLimit, sameLayout, settle, subset, transition, type Transition } from '@/lib/explorer/transitions';
import { MAX_NEIGHBOR_PAGE, NEIGHBOR_PAGE_SIZE } from '@/lib/graph/limits';
import { nodeSizes } from '@/lib/draw/to-elements';
import type { GraphNode, Subgraph } from '@/lib/graph/types';
import type { PathOptions, PathsResult } from '@/lib/graph/paths';
import type { AnalysisSettings, ViewStyle } from '@/lib/analysis/settings';
import type { UndatedChoice, YearRange } from '@/lib/analysis/visibility';
import type { EvidenceGrade } from '@/lib/graph/evidence';
import type { LayoutName, Positions } from '@/lib/layout/compute-layout';
import { layoutOffThread, rememberLayoutOffThread } from '@/lib/layout/layout-client';
import { note, type Note, type Problem } from '@/lib/i18n/notes';
import { newPathState } from '@/lib/url-path';
import { MAX_VIEW_ENTITIES, stateIds, type ExplorerState, type Selection, type Viewport } from '@/lib/url-state';
import { useDatabaseHealth } from './use-db-health';
import { usePaths } from './use-paths';
import { useUrlSync } from './use-url-sync';

/**
 * The explorer's state machine. The URL state (which entities, in which batches, what is expanded,
 * selected, hidden, the layout and the viewport) is the single source of truth: every exploration
 * step computes the next state (lib/explorer/transitions.ts, pure), makes sure the graph for it is
 * loaded (a bounded cache), then pushes it to history (use-url-sync.ts). Back and Forward replay
 * states from the URL. Positions are a pure function of the state.
 */

export type BusyLabel = 'loading' | 'expanding' | 'opening' | 'findingPath';

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; label: BusyLabel }
  | { kind: 'error'; problem: Problem; retry: (() => void) | null };

/** The view the server built from the link: where the explorer starts. */
export type ExplorerInit = ViewData;

const idsKey = GraphCache.key;

/** Every neighbour of an entity matching the filters, a page of 200 at a time (bounded by `max`). */
async function allNeighbours(id: string, filters: { relType?: string; entityType?: string }, max: number): Promise<GraphNode[]> {
  const out: GraphNode[] = [];
  for (let offset = 0; offset < max; offset += MAX_NEIGHBOR_PAGE) {
    const page = await api.neighbors(id, { offset, limit: Math.min(MAX_NEIGHBOR_PAGE, max - offset), ...filters });
    out.push(...page.nodes.filter((n) => n.id !== id));
    if (offset + MAX_NEIGHBOR_PAGE >= page.total) break;
  }
  return out;
}

/** Positions for a state's graph, computed in the layout worker (same result as on the server). */
function layoutOf(state: ExplorerState, graph: Subgraph): Promise<Positions> {
  return layoutOffThread({
    batches: state.batches, edges: graph.edges.map(({ source, target }) => ({ source, target })), layout: state.layout,
    sizes: nodeSizes(graph.nodes), nodes: graph.nodes.map(({ id, name, type }) => ({ id, name, type })),
  });
}

export function useExplorer(init: ExplorerInit, urlExtra?: () => string) {
  const [state, setState] = useState(init.state);
  const [graph, setGraph] = useState(init.graph);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [notes, setNotes] = useState(init.notes);
  const [dbDown, setDbDown] = useState(init.unavailable);
  const [growFrom, setGrowFrom] = useState<string | null>(null);
  /** Bumped when the server answers again after a failure, so panels that failed too reload. */
  const [revision, setRevision] = useState(0);
  const failedRef = useRef(init.unavailable);
  const { paths, setPaths, empty: pathMessage, setEmpty: setPathMessage, fetchFor: pathsFor, locale } = usePaths(init.paths);
  const [viewportRequest, setViewportRequest] = useState<{ viewport: Viewport | null; seq: number }>({ viewport: init.state.viewport, seq: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Only the latest action may change the view: a slower, older one (an expand overtaken by Back,
  // say) is dropped when it returns, so the screen and the URL never disagree.
  const latestAction = useRef(0);
  const begin = () => ++latestAction.current;
  const isLatest = (token: number) => token === latestAction.current;
  const graphs = useRef<GraphCache>(null as unknown as GraphCache);
  if (!graphs.current) {
    graphs.current = new GraphCache();
    graphs.current.set(idsKey(stateIds(init.state)), init.graph);
  }
  /** How many graphs were loaded since the first render (the first render's own is not one). */
  const loadedSinceFirst = useRef(0);
  const groupCounts = useRef(new Map<string, number | null>(init.graph.nodes.filter((n) => n.group).map((n) => [n.id, n.group!.total])));
  /** What the view should frame after the next step: the new batch and where it came from. */
  const [frame, setFrame] = useState<{ ids: string[]; seq: number }>({ ids: [], seq: 0 });
  // Positions come from the layout worker (off the main thread); the server laid out the first view,
  // and the worker's cache gets that result so the next step lays out only the new batch.
  const [positions, setPositions] = useState<Positions>(init.positions);
  const positionsRef = useRef(positions);
  positionsRef.current = positions;
  useEffect(() => {
    if (init.state.layout === 'force' && init.graph.nodes.length > 0) {
      rememberLayoutOffThread(init.state.batches, init.graph.edges, init.positions, nodeSizes(init.graph.nodes));
    }
  }, [init]);

  const fail = useCallback((error: unknown, retry: (() => void) | null) => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong.');
    if (apiError.unavailable) setDbDown(true);
    failedRef.current = true;
    setStatus({ kind: 'error', problem: apiError.problem, retry });
  }, []);

  const recovered = useCallback(() => {
    setDbDown(false);
    if (failedRef.current) {
      failedRef.current = false;
      setRevision((r) => r + 1);
    }
  }, []);

  /** Loads the graph for a state's entities and groups (from cache when seen before). */
  const loadGraph = useCallback(async (next: ExplorerState): Promise<Subgraph> => {
    const ids = stateIds(next);
    if (ids.length === 0) return { nodes: [], edges: [] };
    const key = idsKey(ids);
    const cached = graphs.current.get(key);
    if (cached) return cached;
    const entityIds = ids.filter((id) => !isGroupKey(id));
    const groupIds = ids.filter(isGroupKey);
    const [result, totals] = await Promise.all([
      entityIds.length > 0 ? api.subgraph(entityIds) : Promise.resolve({ nodes: [], edges: [], missing: [] }),
      Promise.all(groupIds.map(async (groupId) => {
        if (!groupCounts.current.has(groupId)) {
          const spec = parseGroupKey(groupId)!;
          const page = await api.neighbors(spec.origin, { offset: 0, limit: 1, ...groupFilters(spec) }).catch((error: unknown) => {
            if (error instanceof ApiError && error.status === 404) return null;
            throw error;
          });
          groupCounts.current.set(groupId, page ? page.total : null);
        }
        return { key: groupId, total: groupCounts.current.get(groupId) ?? null };
      })),
    ]);
    const found = new Set(result.nodes.map((n) => n.id));
    if (result.missing.length > 0) setNotes((n) => [...n, note('entitiesGone', { count: result.missing.length, ids: result.missing.slice(0, 5).join(', ') })]);
    const loaded = withGroups({ nodes: result.nodes, edges: result.edges }, totals);
    loadedSinceFirst.current += 1;
    graphs.current.set(idsKey(ids.filter((id) => found.has(id) || isGroupKey(id))), loaded);
    graphs.current.set(key, loaded);
    return loaded;
  }, []);

  const currentState = useCallback(() => stateRef.current, []);
  /** Back and Forward: the URL is the state, so replay it (from cache when the view was seen before). */
  const replay = useCallback((next: ExplorerState) => {
    const token = begin();
    setStatus({ kind: 'busy', label: 'loading' });
    loadGraph(next).then(async (nextGraph) => {
      const drawn = await pathsFor(next);
      const shownGraph = subset(nextGraph, stateIds(next));
      const nextPositions = await layoutOf(next, shownGraph);
      if (!isLatest(token)) return;
      if (drawn) setPaths(drawn);
      setGrowFrom(null);
      setPositions(nextPositions);
      setGraph(shownGraph);
      setState(next);
      setViewportRequest((r) => ({ viewport: next.viewport, seq: r.seq + 1 }));
      setStatus({ kind: 'idle' });
    }, (error: unknown) => {
      if (isLatest(token)) fail(error, () => replay(next));
    });
  }, [fail, loadGraph, pathsFor, setPaths]);
  const { write: writeUrl, setViewport, currentUrl } = useUrlSync({ initial: init.state, skipFirstWrite: init.unavailable, current: currentState, onReplay: replay, extra: urlExtra });

  /** One exploration step: load what the next state needs, then show it and add a history entry. */
  const commit = useCallback(async (requested: ExplorerState, options: {
    growFrom?: string | null;
    label?: BusyLabel;
    token?: number;
    /** The ranked paths of this step's search (undefined: unchanged). */
    paths?: PathsResult | null;
    /** Entities to bring into view after this step (default: the new batch and where it grew from). */
    frame?: string[];
  } = {}) => {
    const token = options.token ?? begin();
    const next = capped(requested);
    if (overViewLimit(next)) {
      setStatus({ kind: 'error', problem: { code: 'viewLimit', values: { max: MAX_VIEW_ENTITIES } }, retry: null });
      return;
    }
    setStatus({ kind: 'busy', label: options.label ?? 'loading' });
    try {
      const nextGraph = await loadGraph(next);
      if (!isLatest(token)) return;
      // How the view is drawn may have changed while this step loaded (redraw): that choice stays.
      const { state: cleaned, added } = settle(next, stateRef.current, new Set(nextGraph.nodes.map((n) => n.id)));
      const toFrame = options.frame ?? (added.length > 0 ? [...added, ...(options.growFrom ? [options.growFrom] : [])] : []);
      const shownGraph = subset(nextGraph, stateIds(cleaned));
      // Same entities, same layout (a selection, a filter): the positions stay, with no round trip.
      const nextPositions = sameLayout(stateRef.current, cleaned) ? positionsRef.current : await layoutOf(cleaned, shownGraph);
      if (!isLatest(token)) return;
      setGrowFrom(options.growFrom ?? null);
      if (options.paths !== undefined) setPaths(options.paths);
      if (toFrame.length > 0) setFrame((f) => ({ ids: toFrame, seq: f.seq + 1 }));
      setPositions(nextPositions);
      setGraph(shownGraph);
      setState(cleaned);
      writeUrl(cleaned, 'push');
      setStatus({ kind: 'idle' });
      recovered();
    } catch (error) {
      if (isLatest(token)) fail(error, () => void commit(requested, { ...options, token: undefined }));
    }
  }, [fail, loadGraph, recovered, setPaths, writeUrl]);

  /** Brings in an entity's hidden neighbours, as planExpansion decides (big types become group nodes). */
  const expandWith = useCallback(async (id: string, filters: { relType?: string; entityType?: string }, token: number,
    current: ExplorerState = stateRef.current, label: BusyLabel = 'expanding') => {
    const shown = new Set(stateIds(current));
    const first = await api.neighbors(id, { offset: 0, limit: MAX_NEIGHBOR_PAGE, ...filters });
    if (!isLatest(token)) return;
    const { fresh, groups } = await planExpansion(id, filters, first, shown, (entityType, count) => allNeighbours(id, { entityType }, count));
    if (!isLatest(token)) return;
    const room = MAX_VIEW_ENTITIES - shown.size;
    if (fresh.length + groups.length > room) setNotes((n) => [...n, note('viewFull', { max: MAX_VIEW_ENTITIES })]);
    const batch = [...fresh, ...groups].slice(0, Math.max(0, room));
    await commit(transition(current, { kind: 'addBatch', ids: batch, expanded: id, selected: { kind: 'node', id } }), { growFrom: id, label, token });
  }, [commit]);

  const expand = useCallback(async (id: string, filters: { relType?: string; entityType?: string } = {}) => {
    const token = begin();
    if (isGroupKey(id)) return;
    setStatus({ kind: 'busy', label: 'expanding' });
    try {
      await expandWith(id, filters, token);
    } catch (error) {
      if (isLatest(token)) fail(error, () => void expand(id, filters));
    }
  }, [expandWith, fail]);

  /** Draws members of a group as entities of their own: the given ones, or all of them. */
  const drawGroup = useCallback(async (key: string, members: string[] | 'all') => {
    const spec = parseGroupKey(key);
    if (!spec) return;
    const token = begin();
    const current = stateRef.current;
    setStatus({ kind: 'busy', label: 'expanding' });
    try {
      const ids = members === 'all'
        ? (await allNeighbours(spec.origin, groupFilters(spec), MAX_VIEW_ENTITIES)).map((n) => n.id)
        : members;
      if (!isLatest(token)) return;
      const shown = new Set(stateIds(current));
      const fresh = ids.filter((id) => !shown.has(id)).slice(0, Math.max(0, MAX_VIEW_ENTITIES - shown.size));
      // The group stays in the view (drawn no more once empty), so nothing on screen moves.
      const selected = members === 'all' || fresh.length !== 1 ? spec.origin : fresh[0]!;
      await commit(transition(current, { kind: 'addBatch', ids: fresh, selected: { kind: 'node', id: selected } }), { growFrom: spec.origin, label: 'expanding', token });
    } catch (error) {
      if (isLatest(token)) fail(error, () => void drawGroup(key, members));
    }
  }, [commit, fail]);

  /** Search pick: show the entity with its first page of neighbours, selected. */
  const focus = useCallback(async (id: string) => {
    const current = stateRef.current;
    if (stateIds(current).includes(id)) {
      if (current.expanded[id] || isGroupKey(id)) return commit({ ...current, selected: { kind: 'node', id } }, { frame: [id] });
      return expand(id);
    }
    const token = begin();
    setStatus({ kind: 'busy', label: 'opening' });
    try {
      // The pick is a batch of its own (placed in free space), its neighbours the next one.
      await expandWith(id, {}, token, { ...current, batches: [...current.batches, [id]] }, 'opening');
    } catch (error) {
      if (isLatest(token)) fail(error, () => void focus(id));
    }
  }, [commit, expand, expandWith, fail]);

  /** A step decided by the view on screen alone (lib/explorer/transitions.ts). */
  const step = useCallback((t: Transition, options: Parameters<typeof commit>[1] = {}) => {
    const current = stateRef.current;
    const next = transition(current, t);
    if (next !== current) void commit(next, options);
  }, [commit]);

  const remove = useCallback((id: string) => step({ kind: 'remove', id }), [step]);
  /** Collapse: hide the neighbours that are on screen only because of this entity. */
  const collapse = useCallback((id: string) => step({ kind: 'collapse', id, edges: graph.edges }), [step, graph.edges]);
  const select = useCallback((selection: Selection) => step({ kind: 'select', selection }), [step]);
  /** Selecting a relationship whose other end is off screen brings that end in first. */
  const reveal = useCallback((edge: { source: string; type: string; target: string }) => {
    const shown = new Set(stateIds(stateRef.current));
    step({ kind: 'reveal', edge }, { growFrom: shown.has(edge.source) ? edge.source : edge.target });
  }, [step]);
  const toggleType = useCallback((type: string) => step({ kind: 'toggleType', type }), [step]);

  /** A new layout frames the whole view once the entities have moved. */
  const setLayout = useCallback((layout: LayoutName) => {
    setViewport(null, false);
    void commit(transition(stateRef.current, { kind: 'layout', layout }), { frame: stateIds(stateRef.current) });
  }, [commit, setViewport]);

  /** A path search: its ranked paths are listed and the first is drawn (its entities join the view). */
  const connect = useCallback(async (from: string, to: string, options: Partial<PathOptions> = {}) => {
    const token = begin();
    const current = stateRef.current;
    const search = newPathState(from, to, options);
    setPathMessage(null);
    setStatus({ kind: 'busy', label: 'findingPath' });
    try {
      const result = await api.paths(from, to, search, locale);
      if (!isLatest(token)) return;
      const first = result.paths[0];
      if (!first) {
        // Nothing to draw: the view, its URL and any path already drawn stay as they are.
        setPathMessage(result);
        setStatus({ kind: 'idle' });
        return;
      }
      await commit(transition(current, { kind: 'path', path: search, ids: first.nodes.map((n) => n.id) }),
        { growFrom: from, label: 'findingPath', token, paths: result });
    } catch (error) {
      if (isLatest(token)) fail(error, () => void connect(from, to, options));
    }
  }, [commit, fail, locale, setPathMessage]);

  /** Draws another of the listed paths: a step of its own in history. */
  const choosePath = useCallback((index: number) => {
    const current = stateRef.current;
    const chosen = paths?.paths[index];
    if (!current.path || !chosen || current.path.index === index) return;
    void commit(transition(current, { kind: 'path', path: { ...current.path, index }, ids: chosen.nodes.map((n) => n.id) }),
      { growFrom: chosen.nodes[0]?.id ?? null, frame: chosen.nodes.map((n) => n.id) });
  }, [commit, paths]);

  const clearPath = useCallback(() => {
    setPathMessage(null);
    void commit(transition(stateRef.current, { kind: 'clearPath' }), { paths: null });
  }, [commit, setPathMessage]);

  /**
   * A change of how the same entities are drawn (size, colour, time range): no loading, no layout.
   * A choice in the legend is a step of its own in history; moving the time slider is not (each
   * arrow press would be one), it only rewrites the address.
   */
  const redraw = useCallback((patch: Partial<ExplorerState>, mode: 'push' | 'replace') => {
    const next = { ...stateRef.current, ...patch };
    stateRef.current = next;
    setState(next);
    writeUrl(next, mode);
  }, [writeUrl]);

  const setAnalysis = useCallback((settings: Partial<AnalysisSettings>) => redraw(settings, 'push'), [redraw]);
  const setTime = useCallback((time: YearRange | null) => redraw({ time }, 'replace'), [redraw]);
  const setUndated = useCallback((undated: UndatedChoice) => redraw({ undated }, 'push'), [redraw]);
  const setEvidence = useCallback((evidence: EvidenceGrade | null) => redraw({ evidence }, 'push'), [redraw]);

  const onViewportChange = useCallback((viewport: Viewport) => setViewport(viewport), [setViewport]);
  /** Opens a whole view at once (a story's step), framed to the screen, as a step in history. */
  const show = useCallback((next: ExplorerState) => {
    setViewport(next.viewport, false);
    writeUrl(next, 'push');
    replay(next);
  }, [replay, setViewport, writeUrl]);
  /** Rewrites the address of the current view (after the parameters that travel with it changed). */
  const rewriteUrl = useCallback((mode: 'push' | 'replace') => writeUrl(stateRef.current, mode), [writeUrl]);

  const dismissNote = useCallback((index: number) => setNotes((n) => n.filter((_, i) => i !== index)), []);

  // While the database is down, ask the health endpoint; once it answers, what failed can be retried.
  const back = useCallback(() => {
    recovered();
    setStatus((s) => (s.kind === 'error' && s.retry ? { ...s, problem: { code: 'databaseBack' } } : s.kind === 'error' ? { kind: 'idle' } : s));
  }, [recovered]);
  const firstRenderHadNoGraph = useCallback(() => init.unavailable && loadedSinceFirst.current === 0, [init.unavailable]);
  useDatabaseHealth(dbDown, back, firstRenderHadNoGraph);

  return {
    state, graph, positions, status, notes, dbDown, growFrom, paths, pathMessage, viewportRequest, revision, frame,
    actions: { currentUrl, expand, drawGroup, focus, remove, collapse, select, reveal, toggleType, setLayout, connect, choosePath, clearPath, onViewportChange, dismissNote,
      setAnalysis, setTime, setUndated, setEvidence, show, rewriteUrl,
      clearError: () => setStatus({ kind: 'idle' }) },
  };
}
