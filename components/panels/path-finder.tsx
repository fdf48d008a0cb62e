'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { GraphNode, PathResult, SearchHit } from '@/lib/graph/types';
import { Caption } from '../i18n/caption';
import { useLabeller } from '../i18n/use-labeller';
import { SearchBox } from '../search/search-box';

interface Pick { id: string; name: string }

/** "How are these connected?": pick two entities, draw a shortest path between them. */
export function PathFinder({ fromRequest, path, message, nodes, onConnect, onClear }: {
  fromRequest: Pick | null;
  /** The path drawn on the canvas, if any. */
  path: PathResult | null;
  /** A search that found nothing to draw: within how many steps. */
  message: { maxHops: number } | null;
  /** What is on the canvas, for the names of the path's entities. */
  nodes: Map<string, GraphNode>;
  onConnect: (from: string, to: string) => void;
  onClear: () => void;
}) {
  const t = useTranslations('panels.path');
  const labels = useLabeller();
  const [from, setFrom] = useState<Pick | null>(fromRequest);
  const [to, setTo] = useState<Pick | null>(null);
  const toInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!fromRequest) return;
    setFrom(fromRequest);
    // "Connect from here" (or the p key): the next thing to do is to name the other end.
    requestAnimationFrame(() => toInput.current?.focus());
  }, [fromRequest]);
  const toPick = (hit: SearchHit): Pick => ({ id: hit.id, name: labels.nodeName(hit) });
  return (
    <details className="path-finder" open={Boolean(fromRequest || path || message)}>
      <summary>{t('summary')}</summary>
      <div className="path-form">
        <div>
          <span className="field-label">{t('from')} {from ? <strong>{from.name}</strong> : <span className="muted">{t('pick')}</span>}</span>
          <SearchBox label={t('fromLabel')} placeholder={t('fromPlaceholder')} clearOnPick onPick={(hit) => setFrom(toPick(hit))} />
        </div>
        <div>
          <span className="field-label">{t('to')} {to ? <strong>{to.name}</strong> : <span className="muted">{t('pick')}</span>}</span>
          <SearchBox label={t('toLabel')} placeholder={t('toPlaceholder')} clearOnPick inputRef={toInput} onPick={(hit) => setTo(toPick(hit))} />
        </div>
        <div className="row">
          <button type="button" disabled={!from || !to} onClick={() => from && to && onConnect(from.id, to.id)}>{t('show')}</button>
          {path && <button type="button" onClick={onClear}>{t('clear')}</button>}
        </div>
      </div>
      {message && <p role="status">{t('none', { hops: message.maxHops })}</p>}
      {path && (
        <ol className="path-steps" aria-label={t('label')}>
          {path.nodes.map((node, i) => {
            const edge = path.edges[i];
            return (
              <li key={node.id}>
                <strong><Caption node={nodes.get(node.id) ?? node} /></strong>
                {edge && <span className="muted"> {edge.source === node.id ? '→' : '←'} {labels.relationship(edge.type)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
