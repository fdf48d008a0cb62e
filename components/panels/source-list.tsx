import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { SourceRef } from '@/lib/graph/types';
import { sourceDate } from '@/lib/i18n/dates';

/** Where a fact comes from: publisher, title, date and link, with how far the source can be trusted. */
export function SourceList({ sources, heading, evidence }: { sources: SourceRef[]; heading?: string; evidence?: ReactNode }) {
  const t = useTranslations('panels');
  const format = useFormatter();
  const title = heading ?? t('sources');
  const showDate = (date: string) => {
    const parsed = sourceDate(date);
    return parsed ? format.dateTime(parsed.at, parsed.options) : date;
  };
  return (
    <section className="panel-section" aria-label={title}>
      <h3>{title}</h3>
      {evidence}
      {sources.length === 0 ? (
        <p className="muted">{t('noSource')}</p>
      ) : (
        <ol className="sources">
          {sources.map((source) => (
            <li key={source.id} className={`source reliability-${source.reliability}`}>
              <span className="source-publisher">{source.publisher}</span>
              {source.date && <time dateTime={source.date}>{showDate(source.date)}</time>}
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">{source.title}</a>
              <span className="source-reliability">{t(`reliability.${source.reliability}`)}</span>
              {source.seenAt && (
                <span className="source-copy">
                  {t.rich('seenAt', { link: (chunks) => <a href={source.seenAt} target="_blank" rel="noopener noreferrer nofollow">{chunks}</a> })}
                </span>
              )}
              {source.note && <span className="source-note" lang="en">{source.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
