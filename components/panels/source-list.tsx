import type { SourceRef } from '@/lib/graph/types';

const RELIABILITY: Record<SourceRef['reliability'], string> = {
  official: 'official source',
  media: 'news media',
  copy: 'copy of the original',
  low: 'low reliability: unverified',
};

/** Where a fact comes from: publisher, title, date and link, with how far the source can be trusted. */
export function SourceList({ sources, heading = 'Sources' }: { sources: SourceRef[]; heading?: string }) {
  return (
    <section className="panel-section" aria-label={heading}>
      <h3>{heading}</h3>
      {sources.length === 0 ? (
        <p className="muted">No source recorded.</p>
      ) : (
        <ol className="sources">
          {sources.map((source) => (
            <li key={source.id} className={`source reliability-${source.reliability}`}>
              <span className="source-publisher">{source.publisher}</span>
              {source.date && <time dateTime={source.date}>{source.date}</time>}
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">{source.title}</a>
              <span className="source-reliability">{RELIABILITY[source.reliability]}</span>
              {source.seenAt && (
                <span className="source-copy">
                  text seen at <a href={source.seenAt} target="_blank" rel="noopener noreferrer nofollow">a copy</a>
                </span>
              )}
              {source.note && <span className="source-note">{source.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
