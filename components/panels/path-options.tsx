'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { HUB_DEGREE, MAX_PATH_COUNT, type PathOptions } from '@/lib/graph/paths';
import { MAX_PATH_HOPS } from '@/lib/graph/limits';
import type { UndatedChoice, YearRange } from '@/lib/analysis/visibility';
import { useLabeller } from '../i18n/use-labeller';

/**
 * The options of a path search: how many paths, how many steps, hubs and entity types left out,
 * relationship types allowed (those of the view, and any the search already names), and the years
 * the view shows. Every change is a new search when one is on screen.
 */
export function PathOptionsForm({ options, relationTypes, entityTypes, years, onChange }: {
  options: PathOptions;
  relationTypes: string[];
  entityTypes: string[];
  /** The view's time range and undated choice (the search can be limited to them). */
  years: { range: YearRange | null; undated: UndatedChoice };
  onChange: (next: PathOptions) => void;
}) {
  const t = useTranslations('panels.path');
  const labels = useLabeller();
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item].sort());
  const relations = [...new Set([...relationTypes, ...options.types])].sort();
  const avoidable = [...new Set([...entityTypes, ...options.avoid.filter((a) => !a.includes(':'))])].sort();
  const range = years.range ?? options.time;
  // Drawn only while open: the lists name every type of the view, which the panels below name too.
  const [open, setOpen] = useState(false);
  return (
    <details className="path-options" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('options')}</summary>
      {open && (<>
        <label className="check">
          <input type="checkbox" checked={options.avoidHubs} onChange={(e) => onChange({ ...options, avoidHubs: e.target.checked })} />
          {t('avoidHubs', { degree: HUB_DEGREE })}
        </label>
        {range && (
          <label className="check">
            <input type="checkbox" checked={options.time !== null}
              onChange={(e) => onChange({ ...options, time: e.target.checked ? range : null, undated: e.target.checked ? years.undated : 'show' })} />
            {t('inYears', { from: String(range.from), to: String(range.to) })}
          </label>
        )}
        <div className="row">
          <label>{t('count')}{' '}
            <select value={options.k} onChange={(e) => onChange({ ...options, k: Number(e.target.value) })}>
              {Array.from({ length: MAX_PATH_COUNT }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label>{t('maxHops')}{' '}
            <select value={options.maxHops} onChange={(e) => onChange({ ...options, maxHops: Number(e.target.value) })}>
              {Array.from({ length: MAX_PATH_HOPS }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        </div>
        <CheckGroup legend={<>{t('types')} <span className="muted">({t('typesHint')})</span></>} items={relations}
          chosen={options.types} label={labels.relationship} onToggle={(type) => onChange({ ...options, types: toggle(options.types, type) })} />
        <CheckGroup legend={t('avoidTypes')} items={avoidable}
          chosen={options.avoid} label={labels.type} onToggle={(type) => onChange({ ...options, avoid: toggle(options.avoid, type) })} />
      </>)}
    </details>
  );
}

/** A fieldset of checkboxes, one per item, checked when `chosen` holds it. */
function CheckGroup({ legend, items, chosen, label, onToggle }: {
  legend: ReactNode;
  items: string[];
  chosen: string[];
  label: (item: string) => string;
  onToggle: (item: string) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item} className="check">
          <input type="checkbox" checked={chosen.includes(item)} onChange={() => onToggle(item)} />
          {label(item)}
        </label>
      ))}
    </fieldset>
  );
}
