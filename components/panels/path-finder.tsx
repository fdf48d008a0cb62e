'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { DEFAULT_PATH_OPTIONS, HUB_DEGREE, optionsKey, type PathOptions, type PathsResult } from '@/lib/graph/paths';
import type { GraphNode, SearchHit } from '@/lib/graph/types';
import type { UndatedChoice, YearRange } from '@/lib/analysis/visibility';
import { pathReading } from '@/lib/i18n/path-reading';
import { pathOptions, type PathState } from '@/lib/url-path';
import { Caption } from '../i18n/caption';
import { useLabeller } from '../i18n/use-labeller';
import { SearchBox } from '../search/search-box';
import { PathOptionsForm } from './path-options';

interface Pick { id: string; name: string }

/**
 * "How are these connected?": pick two entities and see up to k ranked paths between them, each
 * with its length and a one-sentence reading. Choosing one (click, or Up/Down in the list) draws it.
 */
export function PathFinder({ fromRequest, search, paths, message, nodes, years, onConnect, onChoose, onClear }: {
  fromRequest: Pick | null;
  /** The link's search (its pair, options and the chosen path). */
  search: PathState | null;
  /** Its ranked paths, when they are on hand. */
  paths: PathsResult | null;
  /** A search that found nothing. */
  message: PathsResult | null;
  /** What is on the canvas: names of the ends, and the types the options offer. */
  nodes: Map<string, GraphNode>;
  years: { range: YearRange | null; undated: UndatedChoice; relationTypes: string[] };
  onConnect: (from: string, to: string, options: PathOptions) => void;
  onChoose: (index: number) => void;
  onClear: () => void;
}) {
  const t = useTranslations('panels.path');
  const labels = useLabeller();
  const named = (id: string): Pick => ({ id, name: nodes.has(id) ? labels.nodeName(nodes.get(id)!) : id });
  const [from, setFrom] = useState<Pick | null>(fromRequest ?? (search ? named(search.from) : null));
  const [to, setTo] = useState<Pick | null>(search ? named(search.to) : null);
  const [options, setOptions] = useState<PathOptions>(search ? pathOptions(search) : DEFAULT_PATH_OPTIONS);
  const toInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!fromRequest) return;
    setFrom(fromRequest);
    // "Connect from here" (or the p key): the next thing to do is to name the other end.
    requestAnimationFrame(() => toInput.current?.focus());
  }, [fromRequest]);
  // Back and Forward may bring another search: the form follows the link (only a different search resets it).
  const searchKey = search ? `${search.from}\u0000${search.to}\u0000${optionsKey(search)}` : null;
  useEffect(() => {
    if (!search) return;
    setFrom(named(search.from));
    setTo(named(search.to));
    setOptions(pathOptions(search));
  }, [searchKey]);
  const toPick = (hit: SearchHit): Pick => ({ id: hit.id, name: labels.nodeName(hit) });
  const change = (next: PathOptions) => {
    setOptions(next);
    if (from && to && (paths || message)) onConnect(from.id, to.id, next);
  };
  const chosen = search && paths ? search.index : -1;
  const drawn = paths?.paths[chosen] ?? null;
  const reading = (p: PathsResult['paths'][number]) => pathReading(p, labels, (key, values) => t(`reading.${key}`, values));
  const onListKey = (event: KeyboardEvent) => {
    if (!paths || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(paths.paths.length - 1, chosen + (event.key === 'ArrowDown' ? 1 : -1)));
    if (next !== chosen) onChoose(next);
  };
  const entityTypes = [...new Set([...nodes.values()].filter((n) => !n.group).map((n) => n.type))];
  return (
    <details className="path-finder" open={Boolean(fromRequest || search || message)}>
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
          <button type="button" disabled={!from || !to} onClick={() => from && to && onConnect(from.id, to.id, options)}>{t('show')}</button>
          {search && <button type="button" onClick={onClear}>{t('clear')}</button>}
        </div>
        <PathOptionsForm options={options} relationTypes={years.relationTypes} entityTypes={entityTypes} years={years} onChange={change} />
      </div>
      {message && <p role="status">{t(message.options.types.length + message.options.avoid.length > 0 || message.options.avoidHubs || message.options.time ? 'noneOptions' : 'none', { hops: message.options.maxHops })}</p>}
      {paths && paths.paths.length > 0 && (
        <>
          <p className="muted path-count">{t('results', { count: paths.paths.length })} · {t('listHint')}</p>
          <ul ref={list} className="path-choices" role="listbox" aria-label={t('choices')} tabIndex={0} onKeyDown={onListKey}
            aria-activedescendant={chosen >= 0 ? `path-choice-${chosen}` : undefined}>
            {paths.paths.map((p, i) => (
              <li key={i} id={`path-choice-${i}`} role="option" aria-selected={i === chosen} className={i === chosen ? 'chosen' : undefined}
                onClick={() => { onChoose(i); list.current?.focus(); }}>
                <span className="path-meta">
                  {i + 1}. {t('length', { count: p.length })}
                  {p.evidence && <> · {t('evidence', { sources: p.evidence.sources, strength: String(p.evidence.strength) })}</>}
                  {p.nodes.slice(1, -1).some((n) => n.degree > HUB_DEGREE) && <> · {t('hubs')}</>}
                </span>
                <span className="path-reading">{reading(p)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {drawn && (
        <ol className="path-steps" aria-label={t('label')}>
          {drawn.nodes.map((node, i) => {
            const edge = drawn.edges[i];
            const inner = i > 0 && i < drawn.nodes.length - 1;
            return (
              <li key={node.id}>
                <strong><Caption node={nodes.get(node.id) ?? node} /></strong>
                {inner && from && to && (
                  <button type="button" className="icon" aria-label={t('avoidThis', { name: labels.caption(node).text })}
                    title={t('avoidThis', { name: labels.caption(node).text })} onClick={() => change({ ...options, avoid: [...new Set([...options.avoid, node.id])].sort() })}>⊘</button>
                )}
                {edge && <span className="muted"> {edge.source === node.id ? '→' : '←'} {labels.relationship(edge.type)}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {options.avoid.some((a) => a.includes(':')) && (
        <p className="path-avoided">
          <span className="field-label">{t('avoidIds')}</span>
          {options.avoid.filter((a) => a.includes(':')).map((id) => (
            <button key={id} type="button" className="chip" aria-label={t('avoidRemove', { name: named(id).name })}
              onClick={() => change({ ...options, avoid: options.avoid.filter((a) => a !== id) })}>{named(id).name} ×</button>
          ))}
        </p>
      )}
    </details>
  );
}
