'use client';

import { useTranslations } from 'use-intl';
import type { Note, Problem } from '@/lib/i18n/notes';

/** A note about a link or an action, in the page's language. */
export function NoteText({ note }: { note: Note }) {
  const t = useTranslations('notes');
  return <>{t(note.code, note.values)}</>;
}

/** A failed request or a refused action, in the page's language (by error code, never the API's English text). */
export function ProblemText({ problem }: { problem: Problem }) {
  const t = useTranslations('errors');
  return <>{t(problem.code, problem.values)}</>;
}
