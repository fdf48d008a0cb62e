'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '@/lib/client/api';
import { NEIGHBOR_PAGE_SIZE } from '@/lib/graph/limits';
import type { PathResult, Subgraph } from '@/lib/graph/types';
import { computeLayout, rememberLayout, type LayoutName, type Positions } from '@/lib/layout/compute-layout';
import {
  capBatches, MAX_VIEW_ENTITIES, parseExplorerState, serializeExplorerState, stateIds, type ExplorerState, type Selection, type Viewport,
} from '@/lib/url-state';

/**
 * The explorer's state machine. The URL state (which entities, in which batches, what is expanded,
 * selected, hidden, the layout and the viewport) is the single source of truth: every exploration
 * step computes the next state, makes sure the graph for it is loaded, then pushes it to history.
 * Back and Forward replay states from the URL. Positions are a pure function of the state.
 */

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'error'; message: string; retry: (() => void) | null };

export interface ExplorerInit {
  state: ExplorerState;
  graph: Subgraph;
  positions: Positions;
  path: PathResult | null;
  notes: string[];
  /** The server could not reach the database for the first render. */
  unavailable: boolean;
}

const idsKey = (ids: string[]) => [...new Set(ids)].sort().join('\n');

function subset(graph: Subgraph, ids: string[]): Subgraph {
  const keep = new Set(ids);
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

export function useExplorer(init: ExplorerInit) {
  const [state, setState] = useState(init.state);
  const [graph, setGraph] = useState(init.graph);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [notes, setNotes] = useState(init.notes);
  const [dbDown, setDbDown] = useState(init.unavailable);
  const [growFrom, setGrowFrom] = useState<string | null>(null);
  /** Bumped when the server answers again after a failure, so panels that failed too reload. */
  const [revision, setRevision] = useState(0);
  const failedRef = useRef(init.unavailable);
  const [path, setPath] = useState<PathResult | null>(init.path);
  const [pathMessage, setPathMessage] = useState<string | null>(null);
  const [viewportRequest, setViewportRequest] = useState<{ viewport: Viewport | null; seq: number }>({ viewport: init.state.viewport, seq: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Only the latest action may change the view: a slower, older one (an expand overtaken by Back,
  // say) is dropped when it returns, so the screen and the URL never disagree.
  const latestAction = useRef(0);
  const begin = () => ++latestAction.current;
  const isLatest = (token: number) => token === latestAction.current;
  const viewportRef = useRef<Viewport | null>(init.state.viewport);
  const graphs = useRef(new Map<string, Subgraph>([[idsKey(stateIds(init.state)), init.graph]]));
  // The server already laid out the first view; the browser's next step builds on it.
  const rememberedFirstView = useRef(false);
  if (!rememberedFirstView.current) {
    rememberedFirstView.current = true;
    if (init.state.layout === 'force') rememberLayout(init.state.batches, init.graph.edges, init.positions);
  }

  // computeLayout caches by content, so an unchanged view (or one more step) costs little here.
  const positions = useMemo(
    () => computeLayout({ batches: state.batches, edges: graph.edges, layout: state.layout }),
    [state.batches, state.layout, graph.edges],
  );

  const fail = useCallback((error: unknown, retry: (() => void) | null) => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong.');
    if (apiError.unavailable) setDbDown(true);
    failedRef.current = true;
    setStatus({ kind: 'error', message: apiError.message, retry });
  }, []);

  const recovered = useCallback(() => {
    setDbDown(false);
    if (failedRef.current) {
      failedRef.current = false;
      setRevision((r) => r + 1);
    }
  }, []);

  /** Loads the graph for a state's entities (from cache when seen before). */
  const loadGraph = useCallback(async (next: ExplorerState): Promise<Subgraph> => {
    const ids = stateIds(next);
    if (ids.length === 0) return { nodes: [], edges: [] };
    const key = idsKey(ids);
    const cached = graphs.current.get(key);
    if (cached) return cached;
    const result = await api.subgraph(ids);
    const found = new Set(result.nodes.map((n) => n.id));
    if (result.missing.length > 0) setNotes((n) => [...n, `${result.missing.length} entit${result.missing.length === 1 ? 'y is' : 'ies are'} no longer in the database: ${result.missing.slice(0, 5).join(', ')}.`]);
    const loaded: Subgraph = { nodes: result.nodes, edges: result.edges };
    graphs.current.set(idsKey(ids.filter((id) => found.has(id))), loaded);
    graphs.current.set(key, loaded);
    return loaded;
  }, []);

  const writeUrl = useCallback((next: ExplorerState, mode: 'push' | 'replace') => {
    const url = `${window.location.pathname}?${serializeExplorerState({ ...next, viewport: viewportRef.current })}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }, []);

  /** One exploration step: load what the next state needs, then show it and add a history entry. */
  const commit = useCallback(async (requested: ExplorerState, options: {
    growFrom?: string | null;
    label?: string;
    token?: number;
    /** The path drawn with this step (undefined: unchanged). */
    path?: PathResult | null;
  } = {}) => {
    const token = options.token ?? begin();
    const next = { ...requested, batches: capBatches(requested.batches) };
    if (new Set(stateIds(next)).size > MAX_VIEW_ENTITIES) {
      setStatus({ kind: 'error', message: `A view holds at most ${MAX_VIEW_ENTITIES} entities; remove some first.`, retry: null });
      return;
    }
    setStatus({ kind: 'busy', label: options.label ?? 'Loading' });
    try {
      const nextGraph = await loadGraph(next);
      if (!isLatest(token)) return;
      const present = new Set(nextGraph.nodes.map((n) => n.id));
      const cleaned: ExplorerState = { ...next, batches: next.batches.map((b) => b.filter((id) => present.has(id))).filter((b) => b.length > 0) };
      setGrowFrom(options.growFrom ?? null);
      if (options.path !== undefined) setPath(options.path);
      setGraph(subset(nextGraph, stateIds(cleaned)));
      setState(cleaned);
      writeUrl(cleaned, 'push');
      setStatus({ kind: 'idle' });
      recovered();
    } catch (error) {
      if (isLatest(token)) fail(error, () => void commit(requested, { ...options, token: undefined }));
    }
  }, [fail, loadGraph, recovered, writeUrl]);

  const expand = useCallback(async (id: string) => {
    const token = begin();
    const current = stateRef.current;
    const pages = current.expanded[id] ?? 0;
    setStatus({ kind: 'busy', label: 'Expanding' });
    try {
      const page = await api.neighbors(id, { offset: pages * NEIGHBOR_PAGE_SIZE, limit: NEIGHBOR_PAGE_SIZE });
      if (!isLatest(token)) return;
      const shown = new Set(stateIds(current));
      const room = MAX_VIEW_ENTITIES - shown.size;
      const fresh = page.nodes.map((n) => n.id).filter((n) => !shown.has(n)).slice(0, Math.max(0, room));
      if (room <= 0) setNotes((n) => [...n, `A view holds at most ${MAX_VIEW_ENTITIES} entities; remove some to expand further.`]);
      await commit({
        ...current,
        batches: fresh.length > 0 ? [...current.batches, fresh] : current.batches,
        expanded: { ...current.expanded, [id]: pages + 1 },
        selected: { kind: 'node', id },
      }, { growFrom: id, label: 'Expanding', token });
    } catch (error) {
      if (isLatest(token)) fail(error, () => void expand(id));
    }
  }, [commit, fail]);

  /** Search pick: show the entity with its first page of neighbours, selected. */
  const focus = useCallback(async (id: string) => {
    const current = stateRef.current;
    if (stateIds(current).includes(id)) {
      if (current.expanded[id]) return commit({ ...current, selected: { kind: 'node', id } });
      return expand(id);
    }
    const token = begin();
    setStatus({ kind: 'busy', label: 'Opening' });
    try {
      const page = await api.neighbors(id, { offset: 0, limit: NEIGHBOR_PAGE_SIZE });
      if (!isLatest(token)) return;
      const shown = new Set([...stateIds(current), id]);
      const fresh = page.nodes.map((n) => n.id).filter((n) => !shown.has(n)).slice(0, Math.max(0, MAX_VIEW_ENTITIES - shown.size));
      await commit({
        ...current,
        batches: [...current.batches, [id], ...(fresh.length > 0 ? [fresh] : [])],
        expanded: { ...current.expanded, [id]: 1 },
        selected: { kind: 'node', id },
      }, { growFrom: id, label: 'Opening', token });
    } catch (error) {
      if (isLatest(token)) fail(error, () => void focus(id));
    }
  }, [commit, expand, fail]);

  const remove = useCallback((id: string) => {
    const current = stateRef.current;
    const { [id]: _gone, ...expanded } = current.expanded;
    const selected = current.selected?.kind === 'node' && current.selected.id === id ? null
      : current.selected?.kind === 'edge' && (current.selected.source === id || current.selected.target === id) ? null : current.selected;
    const path = current.path && (current.path.from === id || current.path.to === id) ? null : current.path;
    void commit({ ...current, batches: current.batches.map((b) => b.filter((x) => x !== id)).filter((b) => b.length > 0), expanded, selected, path });
  }, [commit]);

  /** Collapse: hide the neighbours that are on screen only because of this entity. */
  const collapse = useCallback((id: string) => {
    const current = stateRef.current;
    const links = new Map<string, Set<string>>();
    for (const e of graph.edges) {
      links.set(e.source, (links.get(e.source) ?? new Set()).add(e.target));
      links.set(e.target, (links.get(e.target) ?? new Set()).add(e.source));
    }
    const keep = (other: string) => current.expanded[other] || (current.selected?.kind === 'node' && current.selected.id === other)
      || [...(links.get(other) ?? [])].some((n) => n !== id);
    const drop = new Set([...(links.get(id) ?? [])].filter((other) => !keep(other)));
    const { [id]: _gone, ...expanded } = current.expanded;
    void commit({ ...current, batches: current.batches.map((b) => b.filter((x) => !drop.has(x))).filter((b) => b.length > 0), expanded });
  }, [commit, graph.edges]);

  const select = useCallback((selection: Selection) => {
    const current = stateRef.current;
    if (JSON.stringify(selection) === JSON.stringify(current.selected)) return;
    void commit({ ...current, selected: selection });
  }, [commit]);

  /** Selecting a relationship whose other end is off screen brings that end in first. */
  const reveal = useCallback((edge: { source: string; type: string; target: string }) => {
    const current = stateRef.current;
    const shown = new Set(stateIds(current));
    const fresh = [edge.source, edge.target].filter((id) => !shown.has(id));
    void commit({
      ...current,
      batches: fresh.length > 0 ? [...current.batches, fresh] : current.batches,
      selected: { kind: 'edge', source: edge.source, type: edge.type, target: edge.target },
    }, { growFrom: shown.has(edge.source) ? edge.source : edge.target });
  }, [commit]);

  const toggleType = useCallback((type: string) => {
    const current = stateRef.current;
    const hidden = current.hiddenTypes.includes(type) ? current.hiddenTypes.filter((t) => t !== type) : [...current.hiddenTypes, type].sort();
    void commit({ ...current, hiddenTypes: hidden });
  }, [commit]);

  const setLayout = useCallback((layout: LayoutName) => {
    viewportRef.current = null;
    setViewportRequest((r) => ({ viewport: null, seq: r.seq + 1 }));
    void commit({ ...stateRef.current, layout });
  }, [commit]);

  const connect = useCallback(async (from: string, to: string) => {
    const token = begin();
    const current = stateRef.current;
    setPathMessage(null);
    setStatus({ kind: 'busy', label: 'Finding a path' });
    try {
      const result = await api.path(from, to);
      if (!isLatest(token)) return;
      if (result.length === null) {
        // Nothing to draw: the view, its URL and any path already drawn stay as they are.
        setPathMessage(`No connection within ${result.maxHops} steps.`);
        setStatus({ kind: 'idle' });
        return;
      }
      const shown = new Set(stateIds(current));
      const fresh = result.nodes.map((n) => n.id).filter((id) => !shown.has(id));
      await commit({ ...current, batches: fresh.length > 0 ? [...current.batches, fresh] : current.batches, path: { from, to } },
        { growFrom: from, label: 'Finding a path', token, path: result });
    } catch (error) {
      if (isLatest(token)) fail(error, () => void connect(from, to));
    }
  }, [commit, fail]);

  const clearPath = useCallback(() => {
    setPathMessage(null);
    void commit({ ...stateRef.current, path: null }, { path: null });
  }, [commit]);

  const onViewportChange = useCallback((viewport: Viewport) => {
    viewportRef.current = viewport;
    writeUrl(stateRef.current, 'replace');
  }, [writeUrl]);

  const dismissNote = useCallback((index: number) => setNotes((n) => n.filter((_, i) => i !== index)), []);

  // Back and Forward: the URL is the state, so replay it (from cache when the view was seen before).
  useEffect(() => {
    const onPopState = () => {
      const token = begin();
      const parsed = parseExplorerState(new URLSearchParams(window.location.search));
      // An entry without a view is the page as first opened (the router may have reset its URL).
      const next = parsed.hasView ? parsed.state : init.state;
      viewportRef.current = next.viewport;
      setStatus({ kind: 'busy', label: 'Loading' });
      loadGraph(next).then(async (nextGraph) => {
        const drawn = next.path && (next.path.from !== path?.from || next.path.to !== path?.to) ? await api.path(next.path.from, next.path.to) : undefined;
        if (!isLatest(token)) return;
        if (drawn) setPath(drawn);
        setGrowFrom(null);
        setGraph(subset(nextGraph, stateIds(next)));
        setState(next);
        setViewportRequest((r) => ({ viewport: next.viewport, seq: r.seq + 1 }));
        setStatus({ kind: 'idle' });
      }, (error: unknown) => {
        if (isLatest(token)) fail(error, onPopState);
      });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [fail, init.state, loadGraph, path]);

  // While the database is down, ask the health endpoint every few seconds; clear the banner when it answers.
  useEffect(() => {
    if (!dbDown) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      api.health(controller.signal).then(() => {
        // The first render had no graph at all: render the link again now that there is data.
        if (init.unavailable && graphs.current.size <= 1) window.location.reload();
        recovered();
        // Keep what failed retryable, now that retrying can work.
        setStatus((s) => (s.kind === 'error' && s.retry ? { ...s, message: 'The database is back. Try that again?' } : s.kind === 'error' ? { kind: 'idle' } : s));
      }, () => undefined);
    }, 3000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [dbDown, init.unavailable, recovered]);

  // The address bar describes the view from the first moment, even when the link named none.
  useEffect(() => {
    if (init.unavailable) return;
    // After the router's own first history update, which runs after this component's effects.
    const timer = setTimeout(() => writeUrl(stateRef.current, 'replace'), 0);
    return () => clearTimeout(timer);
  }, [init.unavailable, writeUrl]);

  /** The URL of the view as it is this instant (the viewport is otherwise written after a short pause). */
  const currentUrl = useCallback((viewport: Viewport | null) => {
    if (viewport) viewportRef.current = viewport;
    writeUrl(stateRef.current, 'replace');
    return window.location.href;
  }, [writeUrl]);

  return {
    state, graph, positions, status, notes, dbDown, growFrom, path, pathMessage, viewportRequest, revision,
    actions: { currentUrl, expand, focus, remove, collapse, select, reveal, toggleType, setLayout, connect, clearPath, onViewportChange, dismissNote,
      clearError: () => setStatus({ kind: 'idle' }) },
  };
}
