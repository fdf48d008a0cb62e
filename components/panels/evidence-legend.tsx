'use client';

import { useTranslations } from 'use-intl';
import type { EvidenceSummary } from '@/lib/analysis/visibility';
import { EVIDENCE_GRADES, meetsGrade, type EvidenceGrade } from '@/lib/graph/evidence';
import { ringPath, SVG_DASH, WEAK_MARK, type LineKind } from '@/lib/draw/evidence-style';

/** The grades a reader may ask for at least ('none' would hide only what has a source). */
const MINIMUMS = EVIDENCE_GRADES.filter((g) => g !== 'none');

function LineSwatch({ kind }: { kind: LineKind }) {
  const dash = SVG_DASH[kind];
  return (
    <svg className="evidence-swatch" width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke="#7b8aa3" strokeWidth="2" strokeDasharray={dash ?? undefined} opacity={kind === 'dotted' ? 0.6 : 1} />
    </svg>
  );
}

/**
 * The evidence part of the legend: what the line styles and the ring mean, and the filter that
 * hides facts weaker than a grade (kept in the link as `ev=`). Only on a graph whose facts have
 * grades, i.e. sources; any other Neo4j never shows it.
 */
export function EvidenceLegend({ summary, minimum, onChange }: {
  summary: EvidenceSummary;
  minimum: EvidenceGrade | null;
  onChange: (minimum: EvidenceGrade | null) => void;
}) {
  const t = useTranslations('evidence');
  if (!summary.graded && minimum === null) return null;
  const hidden = { entities: 0, relationships: 0 };
  if (minimum) {
    for (const grade of EVIDENCE_GRADES) {
      if (meetsGrade(grade, minimum)) continue;
      hidden.entities += summary.counts[grade].entities;
      hidden.relationships += summary.counts[grade].relationships;
    }
  }
  const hidesCopies = minimum !== null && meetsGrade(minimum, 'single');
  return (
    <fieldset className="evidence-legend" data-testid="evidence-legend">
      <legend>{t('title')}</legend>
      {/* What the line styles mean, folded: the canvas keeps its room; the filter below stays in sight. */}
      <details className="evidence-key-details">
        <summary>{t('explain')}</summary>
      <ul className="evidence-key">
        {(['solid', 'dashed', 'dotted'] as const).map((kind) => <li key={kind}><LineSwatch kind={kind} /><span>{t(`line.${kind}`)}</span></li>)}
        <li>
          <svg className="evidence-swatch" width="28" height="16" aria-hidden="true">
            <path d={ringPath(14, 8, 4.5)} fill="#98a2b3" />
            <path d={ringPath(14, 8, 7)} fill="none" stroke={WEAK_MARK.colour} strokeWidth="1.5" strokeDasharray="1.5 2" />
          </svg>
          <span>{t('weakEntity')}</span>
        </li>
      </ul>
      </details>
      <label className="legend-item evidence-hide">
        <input type="checkbox" checked={hidesCopies} onChange={(e) => onChange(e.target.checked ? 'single' : null)} />
        <span>{t('hideWeak')}</span>
      </label>
      <label className="analysis-choice evidence-minimum">
        <span>{t('minimum')}</span>
        <select value={minimum ?? 'all'} onChange={(e) => onChange(e.target.value === 'all' ? null : e.target.value as EvidenceGrade)}>
          <option value="all">{t('minimumOption.all')}</option>
          {MINIMUMS.map((grade) => <option key={grade} value={grade}>{t(`minimumOption.${grade}` as 'minimumOption.single')}</option>)}
        </select>
      </label>
      {minimum && <p className="analysis-line muted" data-testid="evidence-hidden">{t('hidden', hidden)}</p>}
    </fieldset>
  );
}
