'use client';

import { useCallback, useRef, useState } from 'react';
import { useLocale } from 'use-intl';
import { api } from '@/lib/client/api';
import { answers, type PathsResult } from '@/lib/graph/paths';
import type { ExplorerState } from '@/lib/url-state';
import { pathOptions } from '@/lib/url-path';

/**
 * The ranked paths of the view's "how are these connected" search (the link's `p` and options):
 * the list on hand, a search that found nothing, and a fetch for a state whose search is not on hand.
 */
export function usePaths(initial: PathsResult | null) {
  const locale = useLocale();
  const [paths, setPathsState] = useState<PathsResult | null>(initial);
  const latest = useRef(paths);
  /** A search that found nothing: the view and any path drawn stay as they were. */
  const [empty, setEmpty] = useState<PathsResult | null>(null);

  const setPaths = useCallback((next: PathsResult | null) => {
    latest.current = next;
    setPathsState(next);
  }, []);

  /** Ranked paths for a state's search; undefined when none is asked for or those on hand answer it. */
  const fetchFor = useCallback(async (state: ExplorerState): Promise<PathsResult | undefined> => {
    const search = state.path;
    if (!search || answers(latest.current, search)) return undefined;
    return api.paths(search.from, search.to, pathOptions(search), locale);
  }, [locale]);

  return { paths, setPaths, empty, setEmpty, fetchFor, locale };
}
