'use client';

import { useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { TimeSummary, UndatedChoice, YearRange } from '@/lib/analysis/visibility';

/** A year's bar: none for nothing, and a square-root scale so one event shows next to a hundred partnerships. */
function barHeight(count: number, tallest: number): string {
  return count === 0 ? '0' : `${Math.round(12 + 88 * Math.sqrt(count / tallest))}%`;
}

/** Past this many years the bars would be thinner than a pixel: the timeline shows none. */
const MAX_BAR_YEARS = 150;

/**
 * The time filter: a range of years with two thumbs (native range inputs, so arrows, Page keys,
 * Home and End work and screen readers hear the year), a bar per year of what begins then, what is
 * shown of the dated entities and relationships, which properties the dates come from, and what
 * to do with what has no date (kept by default, never given one).
 */
export function TimeFilter({ summary, range, undated, onRange, onUndated }: {
  summary: TimeSummary;
  range: YearRange | null;
  undated: UndatedChoice;
  onRange: (range: YearRange | null) => void;
  onUndated: (choice: UndatedChoice) => void;
}) {
  const t = useTranslations('time');
  const format = useFormatter();
  // Folded until wanted (it would cover part of the graph), except when the link carries a range
  // on a wide screen; on a phone the summary line says the range and the graph keeps the screen.
  const [open, setOpen] = useState(range !== null || undated === 'hide');
  useEffect(() => {
    if (window.matchMedia('(max-width: 760px)').matches) setOpen(false);
  }, []);

  const extent = summary.extent;
  const min = Math.min(extent?.from ?? Infinity, range?.from ?? Infinity);
  const max = Math.max(extent?.to ?? -Infinity, range?.to ?? -Infinity);
  const hasScale = Number.isFinite(min) && Number.isFinite(max);
  const from = range?.from ?? min;
  const to = range?.to ?? max;
  const undatedTotal = summary.undated.entities + summary.undated.relationships;

  // A range that covers every year in the view filters nothing: the link then says nothing either.
  const choose = (next: YearRange) => onRange(extent && next.from <= extent.from && next.to >= extent.to ? null : next);

  // Years are written as they are (2013, never 2,013).
  const title = !hasScale ? t('summaryNone') : range ? t('summaryRange', { from: String(range.from), to: String(range.to) }) : t('summaryAll');
  const shownEntities = summary.dated.entities - summary.outside.entities;
  const shownRelationships = summary.dated.relationships - summary.outside.relationships;
  const percent = (year: number) => (max === min ? 0 : ((year - min) / (max - min)) * 100);
  const years = hasScale && max - min < MAX_BAR_YEARS ? Array.from({ length: max - min + 1 }, (_, i) => min + i) : [];
  const keyList = format.list(summary.keys.slice(0, 6).map((k) => `${k.key} (${format.number(k.count)})`));
  const tallest = Math.max(1, ...years.map((y) => summary.starts[y] ?? 0));

  return (
    <details className="time-panel" data-overlay="" data-testid="time-filter" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {!hasScale ? (
        <p className="time-line">{t('nothingDated')}</p>
      ) : (
        <>
          <div className="timeline" aria-hidden="true" style={{ '--bar': `calc(100% / ${years.length} - 1px)` } as React.CSSProperties}>
            {years.map((y) => (
              <span key={y} className={`timeline-bar${y < from || y > to ? ' outside' : ''}`}
                style={{ left: `${percent(y)}%`, height: barHeight(summary.starts[y] ?? 0, tallest) }} />
            ))}
          </div>
          <div className="range-slider" style={{ '--from': `${percent(from)}%`, '--to': `${percent(to)}%` } as React.CSSProperties}>
            <span className="range-track" aria-hidden="true"><span className="range-fill" /></span>
            <input type="range" min={min} max={max} step={1} value={from} aria-label={t('from')} aria-valuetext={String(from)}
              // The upper thumb sits on top; when both meet at the end, the lower one must stay reachable.
              style={{ zIndex: from >= max - (max - min) / 2 ? 3 : 2 }}
              onChange={(e) => choose({ from: Math.min(Number(e.target.value), to), to })} />
            <input type="range" min={min} max={max} step={1} value={to} aria-label={t('to')} aria-valuetext={String(to)}
              onChange={(e) => choose({ from, to: Math.max(Number(e.target.value), from) })} />
          </div>
          <div className="range-years" aria-hidden="true"><span>{min}</span><output>{from === to ? from : `${from} – ${to}`}</output><span>{max}</span></div>
          <p className="time-line" data-testid="time-shown">
            {t('shown', {
              entities: shownEntities, datedEntities: summary.dated.entities, relationships: shownRelationships, datedRelationships: summary.dated.relationships,
            })}
          </p>
          {range && <button type="button" className="link-button" onClick={() => onRange(null)}>{t('allYears')}</button>}
          <p className="time-line muted" data-testid="time-keys">
            {summary.keys.length > 6
              ? t('keysMore', { keys: keyList, more: summary.keys.length - 6 })
              : t('keys', { keys: keyList })}
          </p>
        </>
      )}
      {(undatedTotal > 0 || undated === 'hide') && (
        <label className="time-undated">
          <input type="checkbox" checked={undated === 'show'} onChange={(e) => onUndated(e.target.checked ? 'show' : 'hide')} />
          <span>{t('undated', { entities: summary.undated.entities, relationships: summary.undated.relationships })}</span>
        </label>
      )}
    </details>
  );
}
