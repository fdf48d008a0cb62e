'use client';

import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/client/api';
import type { Problem } from '@/lib/i18n/notes';

export type FetchState<T> = { kind: 'loading' } | { kind: 'done'; data: T } | { kind: 'error'; problem: Problem };

/** Fetches when the key changes, aborting the previous request; `retry` runs it again. */
export function useFetch<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): [FetchState<T>, () => void] {
  const [state, setState] = useState<FetchState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState({ kind: 'loading' });
    load(controller.signal).then(
      (data) => setState({ kind: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', problem: error instanceof ApiError ? error.problem : { code: 'unknown' } });
      },
    );
    return () => controller.abort();
    // `load` is recreated each render; the key alone says when the request really changes.
  }, [key, attempt]);
  return [state, useCallback(() => setAttempt((a) => a + 1), [])];
}
