'use client';

import type { Core } from 'cytoscape';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { toElements } from '@/lib/graph/to-elements';
import type { GraphEdge } from '@/lib/graph/types';
import { stateIds } from '@/lib/url-state';
import { GraphCanvas } from '../graph/graph-canvas';
import { EdgeDetailsPanel, NodeDetailsPanel } from '../panels/details-panel';
import { InViewList } from '../panels/in-view-list';
import { PathFinder } from '../panels/path-finder';
import { TypeFilter } from '../panels/type-filter';
import { SearchBox } from '../search/search-box';
import { Toolbar } from './toolbar';
import { useExplorer, type ExplorerInit } from './use-explorer';

/** The client shell: owns the explorer state and lays out search, canvas and panels around it. */
export function Explorer({ init, preview }: { init: ExplorerInit; preview?: ReactNode }) {
  const { state, graph, positions, status, notes, dbDown, growFrom, path, pathMessage, viewportRequest, revision, actions } = useExplorer(init);
  const cyRef = useRef<Core | null>(null);
  const [canvasReady, setCanvasReady] = useState(false);
  const [connectFrom, setConnectFrom] = useState<{ id: string; name: string } | null>(null);

  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);
  // The path drawn is the one the URL names; a later search that found nothing leaves it as it was.
  const drawnPath = path && path.length !== null && state.path && path.from === state.path.from && path.to === state.path.to ? path : null;
  const pathIds = useMemo(() => new Set(drawnPath ? [...drawnPath.nodes.map((n) => n.id), ...drawnPath.edges.map((e) => e.id)] : []), [drawnPath]);
  const types = useMemo(() => [...new Set(graph.nodes.map((n) => n.type))].sort(), [graph.nodes]);
  const elements = useMemo(
    () => toElements(graph, { positions, expanded: state.expanded, hiddenTypes: state.hiddenTypes, pathIds }),
    [graph, positions, state.expanded, state.hiddenTypes, pathIds],
  );
  const selected = state.selected;
  const selectedEdge = selected?.kind === 'edge'
    ? graph.edges.find((e) => e.source === selected.source && e.target === selected.target && e.type === selected.type) ?? null
    : null;
  const selectedId = selected?.kind === 'node' ? selected.id : selectedEdge?.id ?? null;
  const shownNeighbours = (id: string) => graph.edges.filter((e) => e.source === id || e.target === id).length;

  const selectEdge = (edge: GraphEdge) => {
    const shown = new Set(stateIds(state));
    if (shown.has(edge.source) && shown.has(edge.target)) actions.select({ kind: 'edge', source: edge.source, type: edge.type, target: edge.target });
    else actions.reveal(edge);
  };

  return (
    <div className="explorer">
      <header className="topbar">
        <a className="brand" href="/" aria-label="Belt and Road S&T graph: start over">
          <span className="brand-mark" aria-hidden="true">◈</span>
          <span className="brand-name">Belt &amp; Road S&amp;T graph</span>
        </a>
        <SearchBox label="Search entities" onPick={(hit) => void actions.focus(hit.id)} />
        <Toolbar cy={canvasReady ? cyRef.current : null} layout={state.layout} onLayout={actions.setLayout} currentUrl={actions.currentUrl} />
      </header>

      {dbDown && (
        <div className="banner banner-error" role="alert">
          The graph database is not reachable right now. What is on screen stays; this message clears itself when it is back.
        </div>
      )}
      {notes.length > 0 && (
        <ul className="notes" aria-label="Notes about this link">
          {notes.map((note, i) => (
            <li key={i} className="banner banner-note" role="status">
              <span>{note}</span>
              <button type="button" className="icon" aria-label="Dismiss note" onClick={() => actions.dismissNote(i)}>×</button>
            </li>
          ))}
        </ul>
      )}

      <main className="workspace">
        <section className="canvas-wrap" aria-label="Graph view">
          {!canvasReady && preview}
          <GraphCanvas
            elements={elements}
            positions={positions}
            types={types}
            selectedId={selectedId}
            viewportRequest={viewportRequest}
            growFrom={growFrom}
            onSelect={(sel) => {
              if (!sel) return actions.select(null);
              if (sel.kind === 'node') return actions.select({ kind: 'node', id: sel.id });
              const edge = graph.edges.find((e) => e.id === sel.id);
              if (edge) actions.select({ kind: 'edge', source: edge.source, type: edge.type, target: edge.target });
            }}
            onExpand={(id) => void actions.expand(id)}
            onViewportChange={actions.onViewportChange}
            onReady={(cy) => { cyRef.current = cy; setCanvasReady(true); }}
          />
          <TypeFilter nodes={graph.nodes} hiddenTypes={state.hiddenTypes} onToggle={actions.toggleType} />
          <div className="status-line" role="status" aria-live="polite">
            {status.kind === 'busy' && <span className="busy">{status.label}...</span>}
            {status.kind === 'idle' && <span className="muted">{graph.nodes.length} entities · {graph.edges.length} relationships · double-click to expand</span>}
          </div>
          {status.kind === 'error' && (
            <div className="banner banner-error inline" role="alert">
              <span>{status.message}</span>
              {status.retry && <button type="button" onClick={status.retry}>Retry</button>}
              <button type="button" className="icon" aria-label="Dismiss" onClick={actions.clearError}>×</button>
            </div>
          )}
        </section>

        <aside className="side-panel" aria-label="Details">
          <PathFinder
            fromRequest={connectFrom}
            path={drawnPath}
            message={pathMessage}
            names={new Map(graph.nodes.map((n) => [n.id, n.name]))}
            onConnect={(from, to) => void actions.connect(from, to)}
            onClear={actions.clearPath}
          />
          <InViewList nodes={graph.nodes} hiddenTypes={state.hiddenTypes} selectedId={selected?.kind === 'node' ? selected.id : null}
            onSelect={(id) => actions.select({ kind: 'node', id })} />
          {selected?.kind === 'node' && nodesById.has(selected.id) ? (
            <NodeDetailsPanel
              key={selected.id}
              id={selected.id}
              revision={revision}
              shownNeighbours={shownNeighbours(selected.id)}
              expandedPages={state.expanded[selected.id] ?? 0}
              actions={{
                onExpand: (id) => void actions.expand(id),
                onCollapse: actions.collapse,
                onRemove: actions.remove,
                onNavigate: (id) => void actions.focus(id),
                onSelectEdge: selectEdge,
                onConnectFrom: (id) => setConnectFrom({ id, name: nodesById.get(id)?.name ?? id }),
              }}
            />
          ) : selectedEdge ? (
            <EdgeDetailsPanel edge={selectedEdge} nodes={nodesById} onNavigate={(id) => void actions.focus(id)} />
          ) : (
            <div className="welcome">
              <h2>Explore the graph</h2>
              <p>
                What China announced at the first Belt and Road Conference on Science and Technology Exchange (Chongqing,
                6-7 November 2023), who took part, and the partner countries, with a source behind every fact.
              </p>
              <ul>
                <li>Search in English, Russian or Chinese; typos are fine.</li>
                <li>Click an entity or a link to see what it is and why it exists.</li>
                <li>Double-click an entity (or use Expand) to bring in its neighbours.</li>
                <li>The address bar always holds this exact view: copy it to share.</li>
              </ul>
            </div>
          )}
        </aside>
      </main>
    </div>
  );
}
