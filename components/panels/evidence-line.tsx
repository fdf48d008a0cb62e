'use client';

import { useTranslations } from 'use-intl';
import { summariseClaims, type Claim } from '@/lib/graph/claims';
import { evidenceIndex, gradeEvidence, type EvidenceGrade } from '@/lib/graph/evidence';
import type { PropertyValue, SourceRef } from '@/lib/graph/types';

const show = (value: PropertyValue) => (Array.isArray(value) ? value.join('; ') : String(value));

/** A fact's grade in words: "official source", "2 independent sources agree", "copies or unverified sources only". */
export function GradeText({ grade, independent }: { grade: EvidenceGrade; independent: number }) {
  const t = useTranslations('evidence');
  return <span className={`evidence-grade ${grade}`} data-grade={grade}>{t(`grade.${grade}`, { count: independent })}</span>;
}

/** The grade of an entity or relationship, from the server, with the count of independent publishers behind it. */
export function EvidenceLine({ grade, sources }: { grade: EvidenceGrade | undefined; sources: SourceRef[] }) {
  const t = useTranslations('evidence');
  if (!grade) return null;
  const { independent } = gradeEvidence(sources.map((s) => s.id), evidenceIndex(sources));
  return <p className="evidence-line" data-testid="evidence-line">{t('gradeLabel')}: <GradeText grade={grade} independent={independent} /></p>;
}

/**
 * Where sources disagree on a property: the value used, how strong its sources are, and each other
 * value with its publishers ("1 disagrees: 2017-12-01 (Some Paper)"), deprecated ones as set aside.
 */
export function ClaimList({ claims }: { claims: Claim[] | undefined }) {
  const t = useTranslations('evidence');
  const summaries = summariseClaims(claims ?? []);
  if (summaries.length === 0) return null;
  return (
    <section className="panel-section" aria-label={t('claims')} data-testid="claims">
      <h3>{t('claims')}</h3>
      <ul className="claims">
        {summaries.map(({ property, preferred, others }) => {
          const disagreeing = others.filter((c) => c.rank === 'normal');
          return (
            <li key={property}>
              <strong>{t('claimPreferred', { property, value: show(preferred.value) })}</strong>{' — '}
              <GradeText grade={preferred.evidence} independent={preferred.independent} />
              {preferred.why && <span className="muted"> {t('why', { why: preferred.why })}</span>}
              {disagreeing.map((c) => (
                <div key={show(c.value)} className="other">
                  {t('disagrees', { count: c.publishers.length || 1, value: show(c.value), sources: c.publishers.join(', ') })}
                  {c.why && <span className="muted"> {t('why', { why: c.why })}</span>}
                </div>
              ))}
              {others.filter((c) => c.rank === 'deprecated').map((c) => (
                <div key={show(c.value)} className="muted">
                  {t('deprecated', { value: show(c.value), sources: c.publishers.join(', ') })}
                  {c.why && <> {t('why', { why: c.why })}</>}
                </div>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
