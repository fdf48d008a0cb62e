'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '@/lib/client/api';
import { ANY, GROUP_THRESHOLD, groupFilters, type GroupSpec } from '@/lib/graph/groups';
import { typeStyle, typeTint } from '@/lib/draw/entity-style';
import { MAX_NEIGHBOR_PAGE } from '@/lib/graph/limits';
import type { GraphNode, GroupInfo, NeighborPage } from '@/lib/graph/types';
import { Caption } from '../i18n/caption';
import { useLabeller } from '../i18n/use-labeller';
import { TypeBadge } from '../ui/type-badge';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useFetch } from './use-fetch';

/**
 * A group node opened as a list: its members, a filter, and ways to draw some or all of them.
 * Drawing many at once asks first, with the count, so nothing large lands on the canvas by surprise.
 */
export function GroupPanel({ node, origin, shown, autoFocus, onDraw, onRemove, onNavigate }: {
  node: GraphNode & { group: GroupInfo };
  /** The entity the group hangs from, when it is on the canvas. */
  origin: GraphNode | null;
  /** Ids already on the canvas. */
  shown: Set<string>;
  autoFocus: boolean;
  onDraw: (members: string[] | 'all') => void;
  onRemove: () => void;
  onNavigate: (id: string) => void;
}) {
  const t = useTranslations('panels.group');
  const errors = useTranslations('errors');
  const labels = useLabeller();
  const { group } = node;
  const headingRef = useFocusOnMount<HTMLHeadingElement>(autoFocus);
  const spec: GroupSpec = { origin: group.origin, relType: group.relType, entityType: group.entityType };
  const [limit, setLimit] = useState(MAX_NEIGHBOR_PAGE);
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState<'all' | 'matching' | null>(null);
  const [page, retry] = useFetch<{ nodes: GraphNode[]; total: number }>(`${node.id}|${limit}`, async (signal) => {
    // The API hands out 200 at a time; a long list is read page by page.
    const nodes: GraphNode[] = [];
    let total = 0;
    for (let offset = 0; offset < limit; offset += MAX_NEIGHBOR_PAGE) {
      const next: NeighborPage = await api.neighbors(group.origin, { offset, limit: MAX_NEIGHBOR_PAGE, ...groupFilters(spec) }, signal);
      nodes.push(...next.nodes.filter((n) => n.id !== group.origin));
      total = next.total;
      if (offset + MAX_NEIGHBOR_PAGE >= total) break;
    }
    return { nodes, total };
  });
  const members = page.kind === 'done' ? page.data.nodes : [];
  const needle = filter.trim().toLocaleLowerCase();
  // A member matches by its caption in this language or by its English name, so either can be typed.
  const matches = (m: GraphNode) => !needle || labels.caption(m).text.toLocaleLowerCase().includes(needle) || m.name.toLocaleLowerCase().includes(needle);
  const matching = members.filter((m) => !shown.has(m.id) && matches(m));
  const ask = (what: 'all' | 'matching', count: number, run: () => void) => {
    if (count > GROUP_THRESHOLD && confirming !== what) setConfirming(what);
    else {
      setConfirming(null);
      run();
    }
  };
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <span className="type-badge" style={{ '--type-color': typeStyle(node.type).color, '--type-tint': typeTint(node.type) } as React.CSSProperties}>{t('badge')}</span>
        <h2 id="details-title" tabIndex={-1} ref={headingRef}>
          {labels.typeCount(group.entityType, group.remaining)} <span className="muted">{t('of', { total: group.total })}</span>
        </h2>
        <p className="muted">
          {t.rich('linkedTo', {
            relType: group.relType === ANY ? 'any' : 'one',
            relationship: labels.relationship(group.relType),
            origin: () => <button type="button" className="link" onClick={() => onNavigate(group.origin)}>{origin ? <Caption node={origin} /> : group.origin}</button>,
            em: (chunks) => <em>{chunks}</em>,
          })}
        </p>
      </header>
      <div className="details-actions">
        <button type="button" className="primary" onClick={() => ask('all', group.remaining, () => onDraw('all'))}>
          {t('drawAll', { what: labels.typeCount(group.entityType, group.remaining) })}
        </button>
        <button type="button" className="danger" onClick={onRemove}>{t('removeGroup')}</button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            {t('confirm', { count: confirming === 'all' ? group.remaining : matching.length })}
          </p>
          <div className="row">
            <button type="button" className="primary" autoFocus
              onClick={() => (confirming === 'all' ? ask('all', group.remaining, () => onDraw('all')) : ask('matching', matching.length, () => onDraw(matching.map((m) => m.id))))}>
              {t('confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      <section className="panel-section" aria-label={t('members')}>
        <h3>{t('members')}</h3>
        <label className="field-label" htmlFor="group-filter">{t('filter')}</label>
        <input id="group-filter" className="text-input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filterExample', { example: members[0] ? labels.caption(members[0]).text : t('aName') })} />
        {page.kind === 'loading' && <p className="muted" aria-busy="true">{t('loadingMembers')}</p>}
        {page.kind === 'error' && (
          <div className="panel-error" role="alert">
            <p>{t('membersFailed', { message: errors(page.problem.code, page.problem.values) })}</p>
            <button type="button" onClick={retry}>{t('tryAgain')}</button>
          </div>
        )}
        {page.kind === 'done' && (
          <>
            <div className="row member-actions">
              <button type="button" disabled={matching.length === 0}
                onClick={() => ask('matching', matching.length, () => onDraw(matching.map((m) => m.id)))}>
                {t('drawMatching', { count: matching.length, filtered: String(Boolean(needle)) })}
              </button>
              <span className="muted" role="status">{t('notDrawn', { count: matching.length, total: members.length, filtered: String(Boolean(needle)) })}</span>
            </div>
            <ul className="member-list" aria-label={t('membersLabel', { what: labels.typeCount(group.entityType, group.total) })}>
              {members.filter(matches).map((m) => (
                <li key={m.id}>
                  <TypeBadge type={m.type} />
                  <span className="member-name"><Caption node={m} /></span>
                  {shown.has(m.id)
                    ? <span className="muted">{t('onCanvas')}</span>
                    : <button type="button" onClick={() => onDraw([m.id])} aria-label={t('drawLabel', { name: labels.nodeName(m) })}>{t('draw')}</button>}
                </li>
              ))}
            </ul>
            {page.data.total > limit && (
              <button type="button" onClick={() => setLimit((l) => l + MAX_NEIGHBOR_PAGE)}>{t('listMore', { count: page.data.total - limit })}</button>
            )}
          </>
        )}
      </section>
    </article>
  );
}
