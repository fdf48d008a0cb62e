'use client';

import type { Core } from 'cytoscape';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { isGroupKey } from '@/lib/graph/groups';
import { answers, pathIds as pathIdsOf } from '@/lib/graph/paths';
import { FALLBACK_MARK, type Labeller } from '@/lib/i18n/labeller';
import { renderOptions, webglAvailable } from '@/components/graph/render-options';
import { nodeSizes, toElements } from '@/lib/draw/to-elements';
import { drawnPositions } from '@/lib/layout/spacing';
import type { GraphEdge, GraphNode, GroupInfo } from '@/lib/graph/types';
import { stateIds } from '@/lib/url-state';
import { stepLink, storyParams, type StoryContext } from '@/lib/story/steps';
import { readViewport } from '../graph/viewport';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { NoteText, ProblemText } from '../i18n/note-text';
import { useLabeller } from '../i18n/use-labeller';
import { AnalysisLegend } from '../panels/analysis-legend';
import { EvidenceLegend } from '../panels/evidence-legend';
import { EdgeDetailsPanel, NodeDetailsPanel } from '../panels/details-panel';
import { GroupPanel } from '../panels/group-panel';
import { InViewList } from '../panels/in-view-list';
import { PathFinder } from '../panels/path-finder';
import { TimeFilter } from '../panels/time-filter';
import { TypeFilter } from '../panels/type-filter';
import { SearchBox } from '../search/search-box';
import { StoryCard } from '../story/story-card';
import { StoryEditor } from '../story/story-editor';
import { useStory } from '../story/use-story';
import { useBasemap } from './use-basemap';
import { useShortcuts, SHORTCUTS } from './use-shortcuts';
import { Toolbar } from './toolbar';
import { useExplorer, type ExplorerInit } from './use-explorer';
import { useViewAnalysis } from './use-view-analysis';
import { DatasetProvider } from './dataset-context';
import { PanPad } from '../graph/pan-pad';

// The canvas (Cytoscape and its layouts) loads after the page is interactive: until then the
// server-drawn picture of the same view stays on screen.
const GraphCanvas = dynamic(() => import('../graph/graph-canvas').then((m) => m.GraphCanvas), { ssr: false });

/**
 * The client shell: owns the explorer state and lays out search, canvas and panels around it.
 * `story`: the story the link carries (read, or built); `offerStory`: a shipped story to offer a newcomer.
 */
export function Explorer({ init, preview, story = null, offerStory = null }: {
  init: ExplorerInit; preview?: ReactNode; story?: StoryContext | null; offerStory?: string | null;
}) {
  const t = useTranslations('common');
  const tx = useTranslations('explorer');
  const ts = useTranslations('story');
  const format = useFormatter();
  const labels = useLabeller();
  // The story travels in the address with every view (see useStory).
  const storyRef = useRef<StoryContext | null>(story);
  const urlExtra = useCallback(() => (storyRef.current ? storyParams(storyRef.current) : ''), []);
  const { state, graph, positions: laidOut, status, notes, dbDown, growFrom, paths, pathMessage, viewportRequest, revision, frame, actions } = useExplorer(init, urlExtra);
  const stories = useStory({ ref: storyRef, state, show: actions.show, rewriteUrl: actions.rewriteUrl, untitled: ts('untitled') });
  const [editingStory, setEditingStory] = useState(false);
  const editing = editingStory && stories.context !== null;
  const cyRef = useRef<Core | null>(null);
  const [canvasReady, setCanvasReady] = useState(false);
  const [connectFrom, setConnectFrom] = useState<{ id: string; name: string } | null>(null);
  // Set when the user acted inside the panel, so the next panel takes the keyboard focus.
  const [panelFocus, setPanelFocus] = useState(0);
  const panelActed = useRef(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const editStory = () => {
    setEditingStory(true);
    setSheetOpen(true);
  };
  const [touch, setTouch] = useState(false);
  useEffect(() => setTouch(window.matchMedia('(pointer: coarse)').matches), []);
  const searchRef = useRef<HTMLInputElement>(null);
  const basemap = useBasemap(state.layout === 'map');

  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);
  const nodeNames = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph.nodes]);
  // The path drawn is the one the URL names; a later search that found nothing leaves it as it was.
  const shownPaths = state.path && answers(paths, state.path) ? paths : null;
  const drawnPath = state.path && shownPaths ? shownPaths.paths[state.path.index] ?? null : null;
  const pathIds = useMemo(() => pathIdsOf(drawnPath), [drawnPath]);
  const relationTypes = useMemo(() => [...new Set(graph.edges.filter((e) => !isGroupKey(e.target)).map((e) => e.type))].sort(), [graph.edges]);
  const types = useMemo(() => [...new Set(graph.nodes.map((n) => n.type))].sort(), [graph.nodes]);
  const analysis = useViewAnalysis(graph, state, init);
  // What the time and evidence filters hide: left out of the canvas, the lists and the exports alike.
  const timeHidden = analysis.hidden;
  // An analysis may draw an entity bigger than the layout made room for: it moves aside if it would overlap.
  const positions = useMemo(() => (analysis.style ? drawnPositions(laidOut, nodeSizes(graph.nodes), analysis.style.sizes) : laidOut),
    [laidOut, graph.nodes, analysis.style]);
  const elements = useMemo(
    () => toElements(graph, { positions, expanded: state.expanded, hiddenTypes: state.hiddenTypes, pathIds, labels, hiddenIds: timeHidden, style: analysis.style }),
    [graph, positions, state.expanded, state.hiddenTypes, pathIds, labels, timeHidden, analysis.style],
  );
  const entityCount = graph.nodes.filter((n) => !n.group && !timeHidden.has(n.id)).length;
  // The renderer is fixed per canvas instance (keyed by its mode): a view that becomes big gets a new one.
  const [webgl, setWebgl] = useState(false);
  useEffect(() => setWebgl(webglAvailable()), []);
  const render = useMemo(() => renderOptions({ nodes: graph.nodes.length, edges: graph.edges.length, webglAvailable: webgl }),
    [graph.nodes.length, graph.edges.length, webgl]);
  const selected = state.selected;
  const selectedEdge = selected?.kind === 'edge'
    ? graph.edges.find((e) => e.source === selected.source && e.target === selected.target && e.type === selected.type) ?? null
    : null;
  const selectedId = selected?.kind === 'node' ? selected.id : selectedEdge?.id ?? null;
  const selectedNode = selected?.kind === 'node' ? nodesById.get(selected.id) ?? null : null;
  // Neighbours on the canvas, counting those a group node stands for.
  const shownNeighbours = (id: string) => graph.edges.filter((e) => (e.source === id || e.target === id) && !isGroupKey(e.target)).length
    + graph.nodes.reduce((sum, n) => sum + (n.group && n.group.origin === id ? n.group.remaining : 0), 0);
  const shownIds = useMemo(() => new Set(stateIds(state)), [state]);

  const fromPanel = <T extends unknown[]>(run: (...args: T) => void) => (...args: T) => {
    panelActed.current = true;
    setPanelFocus((n) => n + 1);
    run(...args);
  };
  const autoFocus = panelActed.current;
  useEffect(() => {
    // The focus request applies to the panel that the action opens, once.
    const timer = setTimeout(() => { panelActed.current = false; }, 1500);
    return () => clearTimeout(timer);
  }, [panelFocus]);

  const selectEdge = (edge: GraphEdge) => {
    if (shownIds.has(edge.source) && shownIds.has(edge.target)) actions.select({ kind: 'edge', source: edge.source, type: edge.type, target: edge.target });
    else actions.reveal(edge);
  };

  useShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    expand: () => { if (selectedNode && !selectedNode.group) void actions.expand(selectedNode.id); },
    remove: () => { if (selectedNode) actions.remove(selectedNode.id); },
    fit: () => cyRef.current && import('../graph/viewport').then(({ frame: frameView }) => frameView(cyRef.current!, cyRef.current!.elements())),
    path: () => { if (selectedNode && !selectedNode.group) setConnectFrom({ id: selectedNode.id, name: labels.nodeName(selectedNode) }); },
    back: () => window.history.back(),
    clear: () => actions.select(null),
  });

  const announcement = describeSelection({ node: selectedNode, edge: selectedEdge, edges: graph.edges, nodes: nodesById, labels, t: tx });

  return (
    <DatasetProvider value={init.dataset}>
    <div className="explorer">
      <a className="skip-link" href="#graph-canvas-region">{tx('skipToGraph')}</a>
      <a className="skip-link" href="#details-panel">{tx('skipToDetails')}</a>
      <header className="topbar">
        {/* The page's one h1: the explorer's name; the link's name starts with what it shows (WCAG 2.5.3). */}
        <h1 className="brand-heading">
          <a className="brand" href={`/?lang=${labels.locale}`}>
            <span className="brand-mark" aria-hidden="true">◈</span>
            <span className="brand-name">{init.dataset.title ?? t('brand')}</span>
            <span className="visually-hidden">{t('startOver')}</span>
          </a>
        </h1>
        <SearchBox label={tx('searchLabel')} inputRef={searchRef} onPick={(hit) => void actions.focus(hit.id)} />
        <Toolbar cy={canvasReady ? cyRef.current : null} layout={state.layout} mapLayout={init.dataset.countries} onLayout={actions.setLayout} currentUrl={actions.currentUrl}
          onStartStory={stories.context ? null : () => { stories.builder.start(); editStory(); }}
          exportView={() => ({ graph, hiddenTypes: state.hiddenTypes, hiddenIds: timeHidden, selectedId, pathIds, expandedIds: new Set(Object.keys(state.expanded)), layout: state.layout })} />
        <LanguageSwitcher currentUrl={() => actions.currentUrl(cyRef.current ? readViewport(cyRef.current) : null)} />
      </header>

      {dbDown && (
        <div className="banner banner-error" role="alert">
          {tx('dbDown')}
        </div>
      )}
      {notes.length > 0 && (
        <ul className="notes" aria-label={tx('notesLabel')}>
          {notes.map((note, i) => (
            <li key={i} className="banner banner-note" role="status">
              <span><NoteText note={note} /></span>
              <button type="button" className="icon" aria-label={tx('dismissNote')} onClick={() => actions.dismissNote(i)}>×</button>
            </li>
          ))}
        </ul>
      )}

      <main className="workspace">
        <section className="canvas-wrap" aria-label={tx('graphView')} id="graph-canvas-region" tabIndex={-1}>
          {!canvasReady && preview}
          <GraphCanvas
            key={render.mode}
            elements={elements}
            positions={positions}
            selectedId={selectedId}
            viewportRequest={viewportRequest}
            growFrom={growFrom}
            frame={frame}
            render={render}
            background={basemap}
            onSelect={(sel) => {
              if (!sel) return actions.select(null);
              if (sel.kind === 'node') return actions.select({ kind: 'node', id: sel.id });
              const edge = graph.edges.find((e) => e.id === sel.id);
              if (edge && !isGroupKey(edge.target)) actions.select({ kind: 'edge', source: edge.source, type: edge.type, target: edge.target });
            }}
            onExpand={(id) => {
              if (isGroupKey(id)) actions.select({ kind: 'node', id });
              else void actions.expand(id);
            }}
            onViewportChange={actions.onViewportChange}
            onReady={(cy) => { cyRef.current = cy; setCanvasReady(true); }}
          />
          <TypeFilter nodes={graph.nodes.filter((n) => !timeHidden.has(n.id))} hiddenTypes={state.hiddenTypes} onToggle={actions.toggleType}
            typeColours={state.colour === 'type'}>
            <AnalysisLegend settings={analysis.settings} style={analysis.style} pending={analysis.pending} failed={analysis.failed}
              names={nodeNames} onChange={actions.setAnalysis} />
            <EvidenceLegend summary={analysis.evidence} minimum={state.evidence} onChange={actions.setEvidence} />
          </TypeFilter>
          <PanPad cy={canvasReady ? cyRef.current : null} />
          <TimeFilter summary={analysis.time} range={state.time} undated={state.undated} onRange={actions.setTime} onUndated={actions.setUndated} />
          <div className="status-line" role="status" aria-live="polite" aria-busy={status.kind === 'busy'} data-overlay="">
            {status.kind === 'busy' && <span className="busy">{tx(`busy.${status.label}`)}</span>}
            {status.kind === 'idle' && (
              <span className="muted">
                {tx('statusLine', { entities: entityCount, relationships: graph.edges.filter((e) => !isGroupKey(e.target) && !timeHidden.has(e.id) && !timeHidden.has(e.source) && !timeHidden.has(e.target)).length, touch: String(touch) })}
              </span>
            )}
          </div>
          <p className="visually-hidden" aria-live="polite" data-testid="announcer">{announcement}</p>
          {stories.context ? (
            <StoryCard context={stories.context} onStep={stories.onStep} touch={touch} locale={labels.locale} onGo={stories.go}
              onEdit={editStory} onClose={stories.builder.close} />
          ) : offerStory && state === init.state && (
            <a className="story-offer" href={`/?story=${offerStory}&lang=${labels.locale}`} data-overlay="">{ts('offer')}<span aria-hidden="true">→</span></a>
          )}
          {status.kind === 'error' && (
            <div className="banner banner-error inline" role="alert" data-overlay="">
              <span><ProblemText problem={status.problem} /></span>
              {status.retry && <button type="button" onClick={status.retry}>{tx('retry')}</button>}
              <button type="button" className="icon" aria-label={tx('dismiss')} onClick={actions.clearError}>×</button>
            </div>
          )}
        </section>

        <aside className={`side-panel${sheetOpen ? ' sheet-open' : ''}`} aria-label={tx('detailsLabel')} id="details-panel" tabIndex={-1} data-overlay="">
          <button type="button" className="sheet-handle" aria-expanded={sheetOpen} onClick={() => setSheetOpen((o) => !o)}>
            <span aria-hidden="true" className="sheet-grip" />
            {sheetOpen ? tx('showLess') : tx('showDetails')}
          </button>
          {editing && stories.context && (
            <StoryEditor context={stories.context} builder={stories.builder} onGo={stories.go} onDone={() => setEditingStory(false)}
              link={() => new URL(stepLink(stories.context!, 0, labels.locale), window.location.origin).href} />
          )}
          <PathFinder
            fromRequest={connectFrom}
            search={state.path}
            paths={shownPaths}
            message={pathMessage}
            nodes={nodesById}
            years={{ range: state.time, undated: state.undated, relationTypes }}
            onConnect={(from, to, options) => void actions.connect(from, to, options)}
            onChoose={actions.choosePath}
            onClear={actions.clearPath}
          />
          <InViewList nodes={graph.nodes.filter((n) => (!n.group || n.group.remaining > 0) && !timeHidden.has(n.id))} hiddenTypes={state.hiddenTypes} selectedId={selected?.kind === 'node' ? selected.id : null}
            onSelect={fromPanel((id: string) => actions.select({ kind: 'node', id }))} />
          {selectedNode?.group ? (
            <GroupPanel
              key={selectedNode.id}
              node={selectedNode as GraphNode & { group: GroupInfo }}
              origin={nodesById.get(selectedNode.group.origin) ?? null}
              shown={shownIds}
              autoFocus={autoFocus}
              onDraw={fromPanel((members: string[] | 'all') => void actions.drawGroup(selectedNode.id, members))}
              onRemove={fromPanel(() => actions.remove(selectedNode.id))}
              onNavigate={fromPanel((id: string) => void actions.focus(id))}
            />
          ) : selectedNode ? (
            <NodeDetailsPanel
              key={selectedNode.id}
              id={selectedNode.id}
              revision={revision}
              shownNeighbours={shownNeighbours(selectedNode.id)}
              expandedPages={state.expanded[selectedNode.id] ?? 0}
              autoFocus={autoFocus}
              actions={{
                onExpand: fromPanel((id: string, filters?: { relType?: string; entityType?: string }) => void actions.expand(id, filters)),
                onCollapse: fromPanel(actions.collapse),
                onRemove: fromPanel(actions.remove),
                onNavigate: fromPanel((id: string) => void actions.focus(id)),
                onSelectEdge: fromPanel(selectEdge),
                onConnectFrom: (id) => setConnectFrom({ id, name: nodesById.has(id) ? labels.nodeName(nodesById.get(id)!) : id }),
              }}
            />
          ) : selectedEdge ? (
            <EdgeDetailsPanel key={selectedEdge.id} edge={selectedEdge} nodes={nodesById} autoFocus={autoFocus} onNavigate={fromPanel((id: string) => void actions.focus(id))} />
          ) : (
            <div className="welcome">
              <h2>{tx('welcome.title')}</h2>
              {/* The seed's story on the seed; another graph is introduced by its own name. */}
              <p>{init.dataset.title ? tx('welcome.introOther', { title: init.dataset.title })
                : tx('welcome.intro', { dates: format.dateTimeRange(CONFERENCE_DAYS[0], CONFERENCE_DAYS[1], { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>
              <ul>
                <li>{tx('welcome.search')}</li>
                <li>{tx('welcome.click', { touch: String(touch) })}</li>
                <li>{tx('welcome.expand', { touch: String(touch) })}</li>
                <li>{tx('welcome.share')}</li>
                <li>{tx('welcome.languages', { mark: `[${FALLBACK_MARK}]` })}</li>
              </ul>
              <details className="shortcuts">
                <summary>{tx('shortcuts.title')}</summary>
                <dl>
                  {SHORTCUTS.map(([keys, what]) => (
                    <div key={what}><dt><kbd>{keys ?? tx(`shortcuts.${what}Keys` as 'shortcuts.moveKeys')}</kbd></dt><dd>{tx(`shortcuts.${what}`)}</dd></div>
                  ))}
                </dl>
              </details>
            </div>
          )}
        </aside>
      </main>
    </div>
    </DatasetProvider>
  );
}

/** The conference's days, for the welcome text (formatted per language). */
const CONFERENCE_DAYS = [new Date(Date.UTC(2023, 10, 6)), new Date(Date.UTC(2023, 10, 7))] as const;

/** What a screen reader hears when the selection changes: the entity and how it is linked. */
function describeSelection({ node, edge, edges, nodes, labels, t }: {
  node: GraphNode | null; edge: GraphEdge | null; edges: GraphEdge[]; nodes: Map<string, GraphNode>; labels: Labeller;
  t: ReturnType<typeof useTranslations<'explorer'>>;
}): string {
  const name = (id: string) => (nodes.has(id) ? labels.nodeName(nodes.get(id)!) : id);
  if (node?.group) return t('announce.group', { name: labels.nodeName(node), origin: name(node.group.origin) });
  if (node) {
    const links = edges.filter((e) => (e.source === node.id || e.target === node.id) && !isGroupKey(e.target));
    const sample = links.slice(0, 3).map((e) => `${labels.relationship(e.type)} ${name(e.source === node.id ? e.target : e.source)}`);
    return t('announce.node', { type: labels.type(node.type), name: labels.nodeName(node), count: links.length, sample: sample.join('; ') });
  }
  if (edge) return t('announce.edge', { from: name(edge.source), relationship: labels.relationship(edge.type), to: name(edge.target) });
  return '';
}
