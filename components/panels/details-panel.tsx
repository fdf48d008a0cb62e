'use client';

import { useState } from 'react';
import { api } from '@/lib/client/api';
import { MAX_NEIGHBOR_PAGE, NEIGHBOR_PAGE_SIZE } from '@/lib/graph/limits';
import type { GraphEdge, GraphNode, NeighborPage, NodeDetails } from '@/lib/graph/types';
import { relationshipLabel, typeStyle } from '@/lib/graph/entity-style';
import { GROUP_THRESHOLD, pluralLabel } from '@/lib/graph/groups';
import { TypeBadge } from '../ui/type-badge';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { PropertyList } from './property-list';
import { SourceList } from './source-list';
import { useFetch } from './use-fetch';

export interface NodeActions {
  onExpand: (id: string, filters?: { relType?: string; entityType?: string }) => void;
  onCollapse: (id: string) => void;
  onRemove: (id: string) => void;
  onNavigate: (id: string) => void;
  onSelectEdge: (edge: GraphEdge) => void;
  onConnectFrom: (id: string) => void;
}

const LANGUAGE_NAMES = { en: 'English', ru: 'Русский', zh: '中文' } as const;

function Retry({ message, retry }: { message: string; retry: () => void }) {
  return (
    <div className="panel-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={retry}>Try again</button>
    </div>
  );
}

/** Everything known about one entity, as ordinary DOM: names, properties, relationships and sources. */
export function NodeDetailsPanel({ id, revision, shownNeighbours, expandedPages, autoFocus, actions }: {
  id: string;
  /** Changes when the server is back after a failure: reload what failed. */
  revision: number;
  shownNeighbours: number;
  expandedPages: number;
  /** The user acted in the panel: keep the keyboard focus here, on the new heading. */
  autoFocus: boolean;
  actions: NodeActions;
}) {
  const [details, retry] = useFetch<NodeDetails>(`${id}|${revision}`, (signal) => api.node(id, signal));
  const headingRef = useFocusOnMount<HTMLHeadingElement>(autoFocus);
  if (details.kind === 'loading') return <p className="muted" aria-busy="true">Loading details...</p>;
  if (details.kind === 'error') return <Retry message={`Could not load the details: ${details.message}`} retry={retry} />;
  const node = details.data;
  const hidden = Math.max(0, node.degree - shownNeighbours);
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <TypeBadge type={node.type} />
        <h2 id="details-title" tabIndex={-1} ref={headingRef}>{node.name}</h2>
        <code className="entity-id">{node.id}</code>
        <a className="entity-page" href={`/node/${encodeURIComponent(node.id)}`}>Entity page (shareable)</a>
      </header>
      <div className="details-actions">
        <button type="button" onClick={() => actions.onExpand(node.id)} disabled={hidden === 0}>
          {hidden === 0 ? 'All neighbours shown' : expandedPages > 0 ? `Expand the ${hidden} hidden` : `Expand (${hidden})`}
        </button>
        <button type="button" onClick={() => actions.onCollapse(node.id)} disabled={shownNeighbours === 0}>Collapse</button>
        <button type="button" onClick={() => actions.onConnectFrom(node.id)}>Connect from here</button>
        <button type="button" className="danger" onClick={() => actions.onRemove(node.id)}>Remove</button>
      </div>
      {node.description && <p className="description">{node.description}</p>}
      {node.idNote && <p className="muted" role="note">{node.idNote}</p>}
      {Object.keys(node.names).length > 0 && <section className="panel-section" aria-label="Names">
        <h3>Names</h3>
        <dl className="names">
          {(['en', 'ru', 'zh'] as const).map((lang) => (
            <div key={lang}>
              <dt>{LANGUAGE_NAMES[lang]}</dt>
              <dd lang={lang}>
                {node.names[lang] ?? <span className="muted">not found in the sources</span>}
                {(node.aliases[lang] ?? []).length > 0 && <span className="aliases"> · also {node.aliases[lang]!.join(', ')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>}
      <PropertyList properties={node.properties} />
      <section className="panel-section" aria-label="Relationships">
        <h3>Relationships <span className="muted">({node.degree}; {shownNeighbours} on the canvas)</span></h3>
        <ul className="degree-summary">
          {node.degreeByType.map((d) => (
            <li key={`${d.type}-${d.direction}`}>{d.direction === 'in' ? '← ' : '→ '}{relationshipLabel(d.type)}: {d.count}</li>
          ))}
        </ul>
        <RelationshipList id={node.id} revision={revision} actions={actions} />
      </section>
      <SourceList sources={node.sources} />
    </article>
  );
}

/** The entity's relationships grouped by type, a page at a time; each links on to the other end. */
function RelationshipList({ id, revision, actions }: { id: string; revision: number; actions: NodeActions }) {
  const [limit, setLimit] = useState(NEIGHBOR_PAGE_SIZE * 2);
  const [page, retry] = useFetch<NeighborPage>(`${id}|${limit}|${revision}`, (signal) => api.neighbors(id, { offset: 0, limit }, signal));
  if (page.kind === 'loading') return <p className="muted" aria-busy="true">Loading relationships...</p>;
  if (page.kind === 'error') return <Retry message={`Could not load the relationships: ${page.message}`} retry={retry} />;
  const names = new Map(page.data.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, GraphEdge[]>();
  const asGroup = (count: number) => (count > GROUP_THRESHOLD ? ' as a group' : '');
  for (const edge of page.data.edges) {
    const key = `${edge.source === id ? '→' : '←'} ${relationshipLabel(edge.type)}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return (
    <div className="relationships">
      {(page.data.byEntityType.length > 1 || page.data.byRelationshipType.length > 1 || page.data.total > GROUP_THRESHOLD) && (
        <div className="expand-by" role="group" aria-label="Expand by type">
          {page.data.byEntityType.map(({ type, count }) => (
            <button key={`e-${type}`} type="button" onClick={() => actions.onExpand(id, { entityType: type })}
              style={{ '--type-color': typeStyle(type).color } as React.CSSProperties} className="expand-chip">
              Expand {count} {pluralLabel(type, count)}{asGroup(count)}
            </button>
          ))}
          {page.data.byRelationshipType.length > 1 && page.data.byRelationshipType.map(({ type, count }) => (
            <button key={`r-${type}`} type="button" onClick={() => actions.onExpand(id, { relType: type })} className="expand-chip">
              Expand {count} · {relationshipLabel(type)} ({type}){asGroup(count)}
            </button>
          ))}
        </div>
      )}
      {[...groups].map(([label, edges]) => (
        <div key={label} className="relationship-group">
          <h4>{label} <span className="muted">({edges.length})</span></h4>
          <ul>
            {edges.map((edge) => {
              const otherId = edge.source === id ? edge.target : edge.source;
              const other: GraphNode | undefined = names.get(otherId);
              return (
                <li key={edge.id}>
                  <button type="button" className="link" onClick={() => actions.onNavigate(otherId)}
                    style={{ '--type-color': typeStyle(other?.type ?? '').color } as React.CSSProperties}>
                    {other?.name ?? otherId}
                  </button>
                  <button type="button" className="why" onClick={() => actions.onSelectEdge(edge)}
                    aria-label={`Why: ${relationshipLabel(edge.type)} ${other?.name ?? otherId}`}>
                    why? ({edge.sources.length} source{edge.sources.length === 1 ? '' : 's'})
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {page.data.total > limit && limit < MAX_NEIGHBOR_PAGE && (
        <button type="button" onClick={() => setLimit((l) => Math.min(MAX_NEIGHBOR_PAGE, l + NEIGHBOR_PAGE_SIZE * 2))}>
          Show more relationships ({page.data.total - limit} more)
        </button>
      )}
      {page.data.total > limit && limit >= MAX_NEIGHBOR_PAGE && (
        <p className="muted">Listing the first {MAX_NEIGHBOR_PAGE} of {page.data.total}; expand on the canvas to page through the rest.</p>
      )}
    </div>
  );
}

/** One relationship: what links the two entities, its properties and the sources that say so. */
export function EdgeDetailsPanel({ edge, nodes, autoFocus, onNavigate }: { edge: GraphEdge; nodes: Map<string, GraphNode>; autoFocus: boolean; onNavigate: (id: string) => void }) {
  const from = nodes.get(edge.source);
  const to = nodes.get(edge.target);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(autoFocus);
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <span className="type-badge relationship">Relationship</span>
        <h2 id="details-title" tabIndex={-1} ref={headingRef}>
          {from?.name ?? edge.source} <span className="rel-type">{relationshipLabel(edge.type)}</span> {to?.name ?? edge.target}
        </h2>
      </header>
      <div className="details-actions">
        <button type="button" onClick={() => onNavigate(edge.source)}>Go to {from?.name ?? edge.source}</button>
        <button type="button" onClick={() => onNavigate(edge.target)}>Go to {to?.name ?? edge.target}</button>
      </div>
      <PropertyList properties={edge.properties} />
      <SourceList sources={edge.sources} heading="Why this link exists: sources" />
    </article>
  );
}
