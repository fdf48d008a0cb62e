'use client';

import { useEffect, useRef, useState } from 'react';
import type { PathResult, SearchHit } from '@/lib/graph/types';
import { relationshipLabel } from '@/lib/graph/entity-style';
import { SearchBox } from '../search/search-box';

interface Pick { id: string; name: string }

/** "How are these connected?": pick two entities, draw a shortest path between them. */
export function PathFinder({ fromRequest, path, message, names, onConnect, onClear }: {
  fromRequest: Pick | null;
  /** The path drawn on the canvas, if any. */
  path: PathResult | null;
  /** The outcome of a search that found nothing to draw. */
  message: string | null;
  names: Map<string, string>;
  onConnect: (from: string, to: string) => void;
  onClear: () => void;
}) {
  const [from, setFrom] = useState<Pick | null>(fromRequest);
  const [to, setTo] = useState<Pick | null>(null);
  const toInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!fromRequest) return;
    setFrom(fromRequest);
    // "Connect from here" (or the p key): the next thing to do is to name the other end.
    requestAnimationFrame(() => toInput.current?.focus());
  }, [fromRequest]);
  const toPick = (hit: SearchHit): Pick => ({ id: hit.id, name: hit.name });
  return (
    <details className="path-finder" open={Boolean(fromRequest || path || message)}>
      <summary>How are these connected?</summary>
      <div className="path-form">
        <div>
          <span className="field-label">From: {from ? <strong>{from.name}</strong> : <span className="muted">pick an entity</span>}</span>
          <SearchBox label="Path from" placeholder="From..." clearOnPick onPick={(hit) => setFrom(toPick(hit))} />
        </div>
        <div>
          <span className="field-label">To: {to ? <strong>{to.name}</strong> : <span className="muted">pick an entity</span>}</span>
          <SearchBox label="Path to" placeholder="To..." clearOnPick inputRef={toInput} onPick={(hit) => setTo(toPick(hit))} />
        </div>
        <div className="row">
          <button type="button" disabled={!from || !to} onClick={() => from && to && onConnect(from.id, to.id)}>Show the path</button>
          {path && <button type="button" onClick={onClear}>Clear</button>}
        </div>
      </div>
      {message && <p role="status">{message}</p>}
      {path && (
        <ol className="path-steps" aria-label="Path">
          {path.nodes.map((node, i) => {
            const edge = path.edges[i];
            return (
              <li key={node.id}>
                <strong>{names.get(node.id) ?? node.name}</strong>
                {edge && <span className="muted"> {edge.source === node.id ? '→' : '←'} {relationshipLabel(edge.type)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
