'use client';

import { useCallback, useEffect, useRef } from 'react';
import { parseExplorerState, serializeExplorerState, type ExplorerState, type Viewport } from '@/lib/url-state';

/**
 * The address bar as the explorer's state: `write` pushes a step or replaces the current entry
 * (with the latest viewport), Back and Forward hand the state of the entry to `onReplay`, and the
 * address describes the view from the first moment, even when the link named none.
 */
export function useUrlSync(options: {
  initial: ExplorerState;
  /** Nothing to describe yet (the database was down for the first render). */
  skipFirstWrite: boolean;
  current: () => ExplorerState;
  onReplay: (state: ExplorerState) => void;
  /** Parameters that travel with every view (a story and its step), appended after the view's. */
  extra?: () => string;
}) {
  const { initial, skipFirstWrite, current, onReplay, extra } = options;
  const viewportRef = useRef<Viewport | null>(initial.viewport);
  // The view of the current history entry. While a step loads, the entry is already the step's and
  // the screen (current()) still the one before; a viewport rewrite then keeps the entry's view. It
  // used to write the view on screen, so Back could return to a step showing the next step's view.
  const entryRef = useRef<ExplorerState>(initial);

  const write = useCallback((next: ExplorerState, mode: 'push' | 'replace') => {
    entryRef.current = next;
    const more = extra?.() ?? '';
    const url = `${window.location.pathname}?${serializeExplorerState({ ...next, viewport: viewportRef.current })}${more ? `&${more}` : ''}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }, [extra]);

  useEffect(() => {
    const onPopState = () => {
      const parsed = parseExplorerState(new URLSearchParams(window.location.search));
      // An entry without a view is the page as first opened (the router may have reset its URL).
      const next = parsed.hasView ? parsed.state : initial;
      viewportRef.current = next.viewport;
      entryRef.current = next;
      onReplay(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [initial, onReplay]);

  useEffect(() => {
    if (skipFirstWrite) return;
    // After the router's own first history update, which runs after this component's effects.
    const timer = setTimeout(() => write(current(), 'replace'), 0);
    return () => clearTimeout(timer);
  }, [skipFirstWrite, write, current]);

  /** Remembers the viewport (a null one frames the whole view) and rewrites the current entry. */
  const setViewport = useCallback((viewport: Viewport | null, rewrite = true) => {
    viewportRef.current = viewport;
    if (rewrite) write(entryRef.current, 'replace');
  }, [write]);

  /** The URL of the view as it is this instant (the viewport is otherwise written after a short pause). */
  const currentUrl = useCallback((viewport: Viewport | null) => {
    if (viewport) viewportRef.current = viewport;
    write(entryRef.current, 'replace');
    return window.location.href;
  }, [write]);

  return { write, setViewport, currentUrl };
}
