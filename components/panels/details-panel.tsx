'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { api } from '@/lib/client/api';
import { MAX_NEIGHBOR_PAGE, NEIGHBOR_PAGE_SIZE } from '@/lib/graph/limits';
import type { GraphEdge, GraphNode, NeighborPage, NodeDetails } from '@/lib/graph/types';
import { typeStyle } from '@/lib/draw/entity-style';
import { GROUP_THRESHOLD } from '@/lib/graph/groups';
import { LOCALE_NAMES } from '@/lib/i18n/locales';
import type { Problem } from '@/lib/i18n/notes';
import { Caption, FallbackBadge } from '../i18n/caption';
import { useLabeller } from '../i18n/use-labeller';
import { TypeBadge } from '../ui/type-badge';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { PropertyList } from './property-list';
import { SourceList } from './source-list';
import { ClaimList, EvidenceLine } from './evidence-line';
import { useFetch } from './use-fetch';
import { useDataset } from '../explorer/dataset-context';

export interface NodeActions {
  onExpand: (id: string, filters?: { relType?: string; entityType?: string }) => void;
  onCollapse: (id: string) => void;
  onRemove: (id: string) => void;
  onNavigate: (id: string) => void;
  onSelectEdge: (edge: GraphEdge) => void;
  onConnectFrom: (id: string) => void;
}

function Retry({ what, problem, retry }: { what: 'detailsFailed' | 'relationshipsFailed'; problem: Problem; retry: () => void }) {
  const t = useTranslations('panels');
  const errors = useTranslations('errors');
  return (
    <div className="panel-error" role="alert">
      <p>{t(what, { message: errors(problem.code, problem.values) })}</p>
      <button type="button" onClick={retry}>{t('tryAgain')}</button>
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
  const t = useTranslations('panels');
  const common = useTranslations('common');
  const locale = useLocale();
  const labels = useLabeller();
  const [details, retry] = useFetch<NodeDetails>(`${id}|${revision}`, (signal) => api.node(id, signal));
  const headingRef = useFocusOnMount<HTMLHeadingElement>(autoFocus);
  const { provenance } = useDataset();
  if (details.kind === 'loading') return <p className="muted" aria-busy="true">{t('loadingDetails')}</p>;
  if (details.kind === 'error') return <Retry what="detailsFailed" problem={details.problem} retry={retry} />;
  const node = details.data;
  const hidden = Math.max(0, node.degree - shownNeighbours);
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <TypeBadge type={node.type} />
        <h2 id="details-title" tabIndex={-1} ref={headingRef}><Caption node={node} /></h2>
        <code className="entity-id">{node.id}</code>
        <a className="entity-page" href={`/node/${encodeURIComponent(node.id)}?lang=${locale}`}>{t('entityPage')}</a>
      </header>
      <div className="details-actions">
        <button type="button" onClick={() => actions.onExpand(node.id)} disabled={hidden === 0}>
          {hidden === 0 ? t('expandAllShown') : expandedPages > 0 ? t('expandHidden', { count: hidden }) : t('expand', { count: hidden })}
        </button>
        <button type="button" onClick={() => actions.onCollapse(node.id)} disabled={shownNeighbours === 0}>{t('collapse')}</button>
        <button type="button" onClick={() => actions.onConnectFrom(node.id)}>{t('connectFrom')}</button>
        <button type="button" className="danger" onClick={() => actions.onRemove(node.id)}>{t('remove')}</button>
      </div>
      {node.description && (
        <p className="description" lang="en">
          {node.description}
          {locale !== 'en' && <>{' '}<FallbackBadge title={common('dataInEnglish')} /></>}
        </p>
      )}
      {node.idKind === 'elementId' && <p className="muted" role="note">{t('elementIdNote')}</p>}
      {Object.keys(node.names).length > 0 && <section className="panel-section" aria-label={t('names')}>
        <h3>{t('names')}</h3>
        <dl className="names">
          {(['en', 'ru', 'zh'] as const).map((lang) => (
            <div key={lang}>
              <dt lang={lang}>{LOCALE_NAMES[lang]}</dt>
              <dd lang={node.names[lang] ? lang : undefined}>
                {node.names[lang] ?? <span className="muted">{t('notInSources')}</span>}
                {(node.aliases[lang] ?? []).length > 0 && <span className="aliases"> · {t('aliases', { list: node.aliases[lang]!.join(', ') })}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>}
      <PropertyList properties={node.properties} />
      <ClaimList claims={node.claims} />
      <section className="panel-section" aria-label={t('relationships')}>
        <h3>{t('relationships')} <span className="muted">{t('relationshipsCount', { total: node.degree, shown: shownNeighbours })}</span></h3>
        <ul className="degree-summary">
          {node.degreeByType.map((d) => (
            <li key={`${d.type}-${d.direction}`}>{d.direction === 'in' ? '← ' : '→ '}{labels.relationship(d.type)}: {d.count.toLocaleString(locale)}</li>
          ))}
        </ul>
        <RelationshipList id={node.id} revision={revision} actions={actions} />
      </section>
      {provenance && <SourceList sources={node.sources} evidence={<EvidenceLine grade={node.evidence} sources={node.sources} />} />}
    </article>
  );
}

/** The entity's relationships grouped by type, a page at a time; each links on to the other end. */
function RelationshipList({ id, revision, actions }: { id: string; revision: number; actions: NodeActions }) {
  const t = useTranslations('panels');
  const labels = useLabeller();
  // A graph without sources offers the relationship's details instead of "why?" (its sources).
  const { provenance } = useDataset();
  const [limit, setLimit] = useState(NEIGHBOR_PAGE_SIZE * 2);
  const [page, retry] = useFetch<NeighborPage>(`${id}|${limit}|${revision}`, (signal) => api.neighbors(id, { offset: 0, limit }, signal));
  if (page.kind === 'loading') return <p className="muted" aria-busy="true">{t('loadingRelationships')}</p>;
  if (page.kind === 'error') return <Retry what="relationshipsFailed" problem={page.problem} retry={retry} />;
  const names = new Map(page.data.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, GraphEdge[]>();
  const asGroup = (count: number) => String(count > GROUP_THRESHOLD);
  for (const edge of page.data.edges) {
    const key = `${edge.source === id ? '→' : '←'} ${labels.relationship(edge.type)}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return (
    <div className="relationships">
      {(page.data.byEntityType.length > 1 || page.data.byRelationshipType.length > 1 || page.data.total > GROUP_THRESHOLD) && (
        <div className="expand-by" role="group" aria-label={t('expandByType')}>
          {page.data.byEntityType.map(({ type, count }) => (
            <button key={`e-${type}`} type="button" onClick={() => actions.onExpand(id, { entityType: type })}
              style={{ '--type-color': typeStyle(type).color } as React.CSSProperties} className="expand-chip">
              {t('expandEntities', { what: labels.typeCount(type, count), group: asGroup(count) })}
            </button>
          ))}
          {page.data.byRelationshipType.length > 1 && page.data.byRelationshipType.map(({ type, count }) => (
            <button key={`r-${type}`} type="button" onClick={() => actions.onExpand(id, { relType: type })} className="expand-chip">
              {t('expandRelationship', { count, relationship: labels.relationship(type), type, group: asGroup(count) })}
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
                    {other ? <Caption node={other} /> : otherId}
                  </button>
                  <button type="button" className="why" onClick={() => actions.onSelectEdge(edge)}>
                    {provenance ? t('why', { count: edge.sources.length }) : t('relationshipDetails')}
                    {/* The name starts with what the button shows (WCAG 2.5.3), then says which relationship. */}
                    <span className="visually-hidden">{t('whyAbout', { relationship: labels.relationship(edge.type), name: other ? labels.nodeName(other) : otherId })}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {page.data.total > limit && limit < MAX_NEIGHBOR_PAGE && (
        <button type="button" onClick={() => setLimit((l) => Math.min(MAX_NEIGHBOR_PAGE, l + NEIGHBOR_PAGE_SIZE * 2))}>
          {t('showMore', { count: page.data.total - limit })}
        </button>
      )}
      {page.data.total > limit && limit >= MAX_NEIGHBOR_PAGE && (
        <p className="muted">{t('listingFirst', { limit: MAX_NEIGHBOR_PAGE, total: page.data.total })}</p>
      )}
    </div>
  );
}

/** One relationship: what links the two entities, its properties and the sources that say so. */
export function EdgeDetailsPanel({ edge, nodes, autoFocus, onNavigate }: { edge: GraphEdge; nodes: Map<string, GraphNode>; autoFocus: boolean; onNavigate: (id: string) => void }) {
  const t = useTranslations('panels');
  const labels = useLabeller();
  const from = nodes.get(edge.source);
  const to = nodes.get(edge.target);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(autoFocus);
  const { provenance } = useDataset();
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <span className="type-badge relationship">{t('relationship')}</span>
        <h2 id="details-title" tabIndex={-1} ref={headingRef}>
          {from ? <Caption node={from} /> : edge.source} <span className="rel-type">{labels.relationship(edge.type)}</span> {to ? <Caption node={to} /> : edge.target}
        </h2>
      </header>
      <div className="details-actions">
        <button type="button" onClick={() => onNavigate(edge.source)}>{t('goTo', { name: from ? labels.nodeName(from) : edge.source })}</button>
        <button type="button" onClick={() => onNavigate(edge.target)}>{t('goTo', { name: to ? labels.nodeName(to) : edge.target })}</button>
      </div>
      <PropertyList properties={edge.properties} />
      {provenance && <ClaimList claims={edge.claims} />}
      {provenance && <SourceList sources={edge.sources} heading={t('sourcesWhy')} evidence={<EvidenceLine grade={edge.evidence} sources={edge.sources} />} />}
    </article>
  );
}
