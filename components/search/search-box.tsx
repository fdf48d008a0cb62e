'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { api, ApiError } from '@/lib/client/api';
import type { SearchHit } from '@/lib/graph/types';
import type { Problem } from '@/lib/i18n/notes';
import { Caption } from '../i18n/caption';
import { ProblemText } from '../i18n/note-text';
import { useLabeller } from '../i18n/use-labeller';
import { TypeBadge } from '../ui/type-badge';

interface SearchBoxProps {
  label: string;
  placeholder?: string;
  onPick: (hit: SearchHit) => void;
  /** Clear the input after a pick (the main search) or keep the picked name (the path finder). */
  clearOnPick?: boolean;
  /** For a keyboard shortcut that focuses the search. */
  inputRef?: React.RefObject<HTMLInputElement | null>;
}

type Results = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; query: string; hits: SearchHit[] } | { kind: 'error'; problem: Problem };

const DEBOUNCE_MS = 150;

/** An as-you-type search combobox (WAI-ARIA 1.2 pattern): arrow keys move, Enter picks, Escape closes. */
export function SearchBox({ label, placeholder, onPick, clearOnPick = true, inputRef: outerRef }: SearchBoxProps) {
  const t = useTranslations('search');
  const labels = useLabeller();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const ownRef = useRef<HTMLInputElement>(null);
  const inputRef = outerRef ?? ownRef;

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setResults({ kind: 'loading' });
      api.search(query.slice(0, 200), 10, controller.signal).then(
        ({ hits }) => { setResults({ kind: 'done', query, hits }); setActive(hits.length > 0 ? 0 : -1); },
        (error: unknown) => {
          if (!controller.signal.aborted) setResults({ kind: 'error', problem: error instanceof ApiError ? error.problem : { code: 'searchFailed' } });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  // Hits only count for the text they answer: Enter right after typing must not pick a stale hit.
  const hits = results.kind === 'done' && results.query === text.trim() ? results.hits : [];
  const expanded = open && text.trim() !== '';

  const pick = (hit: SearchHit) => {
    onPick(hit);
    setOpen(false);
    setActive(-1);
    setText(clearOnPick ? '' : labels.nodeName(hit));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      // The first ArrowDown on a closed list opens it on the top hit; later ones move down. With no
      // hits on screen yet the choice is left alone: hits that have just arrived bring their own.
      setActive((i) => (hits.length === 0 ? i : !expanded ? Math.max(i, 0) : (i + 1) % hits.length));
      setOpen(true);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (hits.length === 0 ? i : (i - 1 + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (expanded && hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === 'Escape') {
      // First Escape closes the list (and stops the browser clearing a search field); the second clears.
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      } else {
        setText('');
      }
    }
  };

  return (
    <div className="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>{label}</label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="text"
        inputMode="search"
        enterKeyHint="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? t('placeholder')}
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => { setText(event.target.value); setOpen(true); setActive(-1); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span className="visually-hidden" role="status" aria-live="polite">
        {expanded && results.kind === 'done' && results.query === text.trim() ? t('results', { count: hits.length }) : ''}
        {expanded && results.kind === 'error' ? <ProblemText problem={results.problem} /> : ''}
      </span>
      {expanded && (
        <ul id={listId} role="listbox" aria-label={t('resultsLabel', { label })} className="search-results">
          {(results.kind === 'loading' || (results.kind === 'done' && results.query !== text.trim())) && <li className="search-status" role="presentation">{t('searching')}</li>}
          {results.kind === 'error' && <li className="search-status error" role="presentation"><ProblemText problem={results.problem} /></li>}
          {results.kind === 'done' && results.query === text.trim() && hits.length === 0 && <li className="search-status" role="presentation">{t('noMatches', { query: text.trim() })}</li>}
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(hit)}
            >
              <span className="hit-name"><Caption node={hit} /></span>
              <TypeBadge type={hit.type} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
