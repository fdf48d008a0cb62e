import 'server-only';
import type { Positions } from '../layout/compute-layout';
import { DEFAULT_ANALYSIS, type ViewStyle } from '../analysis/settings';
import { filterView, visibleEntities } from '../analysis/visibility';
import { pooledAnalysis, pooledLayout } from '../workers/heavy';
import { basemapSvg } from '../geo/basemap';
import type { PreviewOptions } from '../draw/preview-svg';
import { DataError } from './errors';
import type { Locale } from '../i18n/locales';
import { note, type Note } from '../i18n/notes';
import { labellerFor, translatorFor } from '../i18n/translate';
import { EMPTY_STATE, parseExplorerState, stateIds, type ExplorerState } from '../url-state';
import { groupFilters, isGroupKey, parseGroupKey, planExpansion, withGroups, type GroupTotal } from '../graph/groups';
import { MAX_NEIGHBOR_PAGE } from '../graph/limits';
import { getNeighbors, getStartEntity, getSubgraph } from './queries';
import { findPaths } from './paths';
import { pathIds, type PathsResult, type RankedPath } from '../graph/paths';
import { pathOptions } from '../url-path';
import { nodeSizes } from '../draw/to-elements';
import type { Subgraph } from '../graph/types';
import type { ViewData } from '../explorer/view';
import { getDataset } from './dataset';

/** What the server-drawn picture and the share image need to honour every part of a link. */
export function previewOptions(view: View): PreviewOptions {
  const selected = view.state.selected;
  const edgeId = selected?.kind === 'edge' ? `${selected.source}-${selected.type}->${selected.target}` : null;
  const { hidden } = filterView(view.graph, view.state, DEFAULT_ANALYSIS);
  return {
    hiddenTypes: view.state.hiddenTypes,
    hiddenIds: hidden,
    style: view.style,
    selectedId: selected?.kind === 'node' ? selected.id : edgeId,
    expandedIds: new Set(Object.keys(view.state.expanded)),
    pathIds: pathIds(drawnPath(view)),
    background: view.state.layout === 'map' ? basemapSvg() : null,
  };
}

/**
 * The share image's title and subtitle in `locale`: the selected entity's name (else a generic
 * title), and how many entities the image draws (hidden types and what the time range leaves out
 * are not counted), with the range when the link has one.
 */
export function previewTexts(view: View, options: PreviewOptions, locale: Locale): { title: string; subtitle: string } {
  const t = translatorFor(locale, 'share');
  const selected = view.state.selected?.kind === 'node' ? view.state.selected.id : null;
  const focus = view.graph.nodes.find((n) => n.id === selected);
  const count = visibleEntities(view.graph, view.state.hiddenTypes, options.hiddenIds ?? new Set()).nodes.length;
  const { time } = view.state;
  return {
    title: focus ? labellerFor(locale).nodeName(focus) : view.dataset.title ?? t('previewTitle'),
    // "every fact sourced" only where the graph records sources.
    subtitle: view.dataset.provenance
      ? (time ? t('previewSubtitleRange', { count, from: String(time.from), to: String(time.to) }) : t('previewSubtitle', { count }))
      : (time ? t('previewSubtitleRangePlain', { count, from: String(time.from), to: String(time.to) }) : t('previewSubtitlePlain', { count })),
  };
}

/** The ranked path a view draws: the one its link chose. */
export function drawnPath(view: Pick<View, 'state' | 'paths'>): RankedPath | null {
  return view.state.path && view.paths ? view.paths.paths[view.state.path.index] ?? null : null;
}

/** The entity the explorer opens on when a link names no view. */
export const DEFAULT_ENTITY = 'event:brst-2023';

export type View = ViewData;

/** The analysis a state asks for, computed off the event loop; null for the defaults or when it fails (the browser then computes it). */
async function analyse(state: ExplorerState, graph: Subgraph): Promise<{ style: ViewStyle | null; styleKey: string | null }> {
  const settings = { size: state.size, colour: state.colour };
  if (settings.size === DEFAULT_ANALYSIS.size && settings.colour === DEFAULT_ANALYSIS.colour) return { style: null, styleKey: null };
  const { input, key } = filterView(graph, state, settings);
  const style = await pooledAnalysis(key, input, settings).catch(() => null);
  return { style, styleKey: style ? key : null };
}

/** A view centred on one entity: it and its neighbours (big types as group nodes), selected. */
async function focusState(id: string): Promise<ExplorerState | null> {
  const page = await getNeighbors(id, { limit: MAX_NEIGHBOR_PAGE, offset: 0 });
  if (!page) return null;
  const { fresh, groups } = await planExpansion(id, {}, page, new Set([id]),
    async (entityType, count) => (await getNeighbors(id, { limit: Math.min(count, MAX_NEIGHBOR_PAGE), offset: 0, entityType }))?.nodes ?? []);
  const batch = [...fresh, ...groups];
  return { ...EMPTY_STATE, batches: [[id], ...(batch.length > 0 ? [batch] : [])], expanded: { [id]: 1 }, selected: { kind: 'node', id } };
}

/**
 * The starting view: the seed's starting entity, or on another graph a well-connected entity of it;
 * on an empty database an empty view with a note saying so.
 */
async function startState(fallbackId: string, notes: Note[]): Promise<ExplorerState> {
  const seeded = await focusState(fallbackId);
  if (seeded) return seeded;
  const start = await getStartEntity();
  const state = start === null ? null : await focusState(start);
  if (!state) notes.push(note('emptyDatabase'));
  return state ?? EMPTY_STATE;
}

/** Drops ids the database does not know from every part of a state. */
function withoutMissing(state: ExplorerState, missing: Set<string>): ExplorerState {
  if (missing.size === 0) return state;
  const keep = (id: string) => !missing.has(id);
  const selected = state.selected?.kind === 'node' ? (keep(state.selected.id) ? state.selected : null)
    : state.selected?.kind === 'edge' ? (keep(state.selected.source) && keep(state.selected.target) ? state.selected : null) : null;
  return {
    ...state,
    batches: state.batches.map((b) => b.filter(keep)).filter((b) => b.length > 0),
    expanded: Object.fromEntries(Object.entries(state.expanded).filter(([id]) => keep(id))),
    selected,
    path: state.path && keep(state.path.from) && keep(state.path.to) ? state.path : null,
  };
}

/** Member counts of the groups in a view (null where the origin is unknown). */
async function groupTotals(ids: string[]): Promise<GroupTotal[]> {
  return Promise.all(ids.filter(isGroupKey).map(async (key) => {
    const spec = parseGroupKey(key);
    if (!spec) return { key, total: null };
    const page = await getNeighbors(spec.origin, { limit: 1, offset: 0, ...groupFilters(spec) });
    return { key, total: page ? page.total : null };
  }));
}

/** Drops from a state the group nodes that the graph does not hold (origin gone, all members shown). */
function withoutGoneGroups(state: ExplorerState, graph: Subgraph): ExplorerState {
  const present = new Set(graph.nodes.map((n) => n.id));
  const gone = new Set(stateIds(state).filter((id) => isGroupKey(id) && !present.has(id)));
  return gone.size === 0 ? state : { ...state, batches: state.batches.map((b) => b.filter((id) => !gone.has(id))).filter((b) => b.length > 0) };
}

/** Everything the first render needs for a URL: state, graph and positions, computed on the server. */
export async function loadView(params: Record<string, string | string[] | undefined> | URLSearchParams, fallbackId = DEFAULT_ENTITY): Promise<View> {
  const dataset = await getDataset();
  return { ...(await loadGraphView(params, fallbackId, dataset.countries)), dataset };
}

async function loadGraphView(params: Record<string, string | string[] | undefined> | URLSearchParams, fallbackId: string, countries: boolean): Promise<Omit<View, 'dataset'>> {
  const parsed = parseExplorerState(params);
  // A link asking for the map on a graph without countries opens the default layout, and says so.
  if (parsed.state.layout === 'map' && !countries) {
    parsed.state.layout = 'force';
    parsed.ignored.push(note('unknownLayout', { layout: 'map' }));
  }
  const notes = [...parsed.ignored];
  try {
    let state = parsed.state;
    // How to draw (size, colour, time range) and the language apply to the starting view too.
    const drawing = { size: parsed.state.size, colour: parsed.state.colour, time: parsed.state.time, undated: parsed.state.undated, evidence: parsed.state.evidence, lang: parsed.state.lang };
    if (!parsed.hasView) state = { ...(await startState(fallbackId, notes)), ...drawing };
    const entityIds = (s: ExplorerState) => stateIds(s).filter((id) => !isGroupKey(id));
    let sub = await getSubgraph(entityIds(state));
    if (sub.missing.length > 0) {
      notes.push(note('notFound', { ids: sub.missing.slice(0, 8).join(', '), more: Math.max(0, sub.missing.length - 8) }));
      state = withoutMissing(state, new Set(sub.missing));
    }
    if (parsed.hasView && state.batches.length === 0) {
      notes.push(note('nothingShown'));
      state = { ...(await startState(fallbackId, notes)), ...drawing };
      sub = await getSubgraph(entityIds(state));
    }
    if (state.selected?.kind === 'edge') {
      const { source, type, target } = state.selected;
      if (!sub.edges.some((e) => e.source === source && e.target === target && e.type === type)) {
        notes.push(note('relationshipGone'));
        state = { ...state, selected: null };
      }
    }
    let paths: PathsResult | null = null;
    if (state.path) {
      // A path is an extra: if finding it fails or takes too long, the view still opens without it.
      const { from, to } = state.path;
      const outcome = await findPaths(from, to, pathOptions(state.path), state.lang ?? 'en').catch(() => null);
      paths = outcome?.kind === 'ok' ? outcome.result : null;
      if (!paths || paths.paths.length === 0) {
        notes.push(note('pathUnavailable'));
        state = { ...state, path: null };
        paths = null;
      } else if (state.path.index >= paths.paths.length) {
        // Fewer paths than the link counted (the data changed): the first one is drawn.
        state = { ...state, path: { ...state.path, index: 0 } };
      }
    }
    const graph = withGroups(sub, await groupTotals(stateIds(state)));
    state = withoutGoneGroups(state, graph);
    const [positions, analysis] = await Promise.all([pooledLayout({
      batches: state.batches, edges: graph.edges, layout: state.layout, sizes: nodeSizes(graph.nodes),
      nodes: graph.nodes.map(({ id, name, type }) => ({ id, name, type })),
    }), analyse(state, graph)]);
    return { state, graph, positions, paths, notes, unavailable: false, ...analysis };
  } catch (error) {
    if (!(error instanceof DataError) || error.code === 'database_error') throw error;
    // Down: the client shows a banner and reloads when the database is back. Too slow: say so once.
    const unavailable = error.code === 'database_unavailable';
    if (!unavailable) notes.push(note('tooSlow'));
    return { state: parsed.state, graph: { nodes: [], edges: [] }, positions: {}, paths: null, notes, unavailable, style: null, styleKey: null };
  }
}
