'use client';

import { useEffect, useRef } from 'react';

/**
 * The keyboard shortcuts, as the welcome panel and the README list them: the keys (null: their
 * description is a message too, `shortcuts.<what>Keys`) and what they do (`shortcuts.<what>`).
 */
export const SHORTCUTS = [
  ['/', 'search'],
  [null, 'move'],
  [null, 'expand'],
  [null, 'remove'],
  ['f', 'fit'],
  ['p', 'path'],
  ['b', 'back'],
  ['Escape', 'clear'],
] as const satisfies readonly (readonly [string | null, string])[];

export interface ShortcutActions {
  focusSearch: () => void;
  expand: () => void;
  remove: () => void;
  fit: () => void;
  path: () => void;
  back: () => void;
  clear: () => void;
}

/** Single-key shortcuts, ignored while typing in a field or with a modifier held. */
export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const onButton = target?.tagName === 'BUTTON' || target?.tagName === 'A' || target?.tagName === 'SUMMARY';
      const run: Record<string, (() => void) | undefined> = {
        '/': latest.current.focusSearch,
        e: latest.current.expand,
        x: latest.current.remove,
        Delete: latest.current.remove,
        f: latest.current.fit,
        p: latest.current.path,
        b: latest.current.back,
        // Escape on a button belongs to the button's own widget.
        Escape: onButton ? undefined : latest.current.clear,
      };
      const action = run[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
