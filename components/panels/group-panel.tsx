'use client';

import { useState } from 'react';
import { api } from '@/lib/client/api';
import { GROUP_THRESHOLD, groupFilters, pluralLabel, type GroupSpec } from '@/lib/graph/groups';
import { relationshipLabel, typeStyle } from '@/lib/graph/entity-style';
import { MAX_NEIGHBOR_PAGE } from '@/lib/graph/limits';
import type { GraphNode, GroupInfo, NeighborPage } from '@/lib/graph/types';
import { TypeBadge } from '../ui/type-badge';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useFetch } from './use-fetch';

/**
 * A group node opened as a list: its members, a filter, and ways to draw some or all of them.
 * Drawing many at once asks first, with the count, so nothing large lands on the canvas by surprise.
 */
export function GroupPanel({ node, originName, shown, autoFocus, onDraw, onRemove, onNavigate }: {
  node: GraphNode & { group: GroupInfo };
  originName: string;
  /** Ids already on the canvas. */
  shown: Set<string>;
  autoFocus: boolean;
  onDraw: (members: string[] | 'all') => void;
  onRemove: () => void;
  onNavigate: (id: string) => void;
}) {
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
  const noun = group.entityType === '*' ? 'entities' : pluralLabel(group.entityType, 2);
  const members = page.kind === 'done' ? page.data.nodes : [];
  const needle = filter.trim().toLocaleLowerCase();
  const matching = members.filter((m) => !shown.has(m.id) && (!needle || m.name.toLocaleLowerCase().includes(needle)));
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
        <span className="type-badge" style={{ '--type-color': typeStyle(node.type).color } as React.CSSProperties}>Group</span>
        <h2 id="details-title" tabIndex={-1} ref={headingRef}>
          {group.remaining} {noun} <span className="muted">of {group.total}</span>
        </h2>
        <p className="muted">
          Linked to <button type="button" className="link" onClick={() => onNavigate(group.origin)}>{originName}</button>
          {group.relType !== '*' && <> by <em>{relationshipLabel(group.relType)}</em></>}; drawn as one node until you open it.
        </p>
      </header>
      <div className="details-actions">
        <button type="button" className="primary" onClick={() => ask('all', group.remaining, () => onDraw('all'))}>
          Draw all {group.remaining} {noun}
        </button>
        <button type="button" className="danger" onClick={onRemove}>Remove group</button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            This adds {confirming === 'all' ? group.remaining : matching.length} entities to the canvas. Continue?
          </p>
          <div className="row">
            <button type="button" className="primary" autoFocus
              onClick={() => (confirming === 'all' ? ask('all', group.remaining, () => onDraw('all')) : ask('matching', matching.length, () => onDraw(matching.map((m) => m.id))))}>
              Yes, draw them
            </button>
            <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        </div>
      )}
      <section className="panel-section" aria-label="Members">
        <h3>Members</h3>
        <label className="field-label" htmlFor="group-filter">Filter by name</label>
        <input id="group-filter" className="text-input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)}
          placeholder={`e.g. ${group.entityType === 'Country' ? 'Kazakhstan' : 'a name'}`} />
        {page.kind === 'loading' && <p className="muted" aria-busy="true">Loading members...</p>}
        {page.kind === 'error' && (
          <div className="panel-error" role="alert"><p>Could not load the members: {page.message}</p><button type="button" onClick={retry}>Try again</button></div>
        )}
        {page.kind === 'done' && (
          <>
            <div className="row member-actions">
              <button type="button" disabled={matching.length === 0}
                onClick={() => ask('matching', matching.length, () => onDraw(matching.map((m) => m.id)))}>
                Draw the {matching.length} {needle ? 'matching' : 'listed'}
              </button>
              <span className="muted" role="status">{matching.length} of {members.length} not drawn yet{needle ? ' match' : ''}</span>
            </div>
            <ul className="member-list" aria-label={`Members of the group: ${noun}`}>
              {members.filter((m) => !needle || m.name.toLocaleLowerCase().includes(needle)).map((m) => (
                <li key={m.id}>
                  <TypeBadge type={m.type} />
                  <span className="member-name">{m.name}</span>
                  {shown.has(m.id)
                    ? <span className="muted">on the canvas</span>
                    : <button type="button" onClick={() => onDraw([m.id])} aria-label={`Draw ${m.name}`}>Draw</button>}
                </li>
              ))}
            </ul>
            {page.data.total > limit && (
              <button type="button" onClick={() => setLimit((l) => l + MAX_NEIGHBOR_PAGE)}>List more ({page.data.total - limit} more)</button>
            )}
          </>
        )}
      </section>
    </article>
  );
}
