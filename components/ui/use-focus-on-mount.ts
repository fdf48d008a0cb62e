'use client';

import { useEffect, useRef } from 'react';

/**
 * Focuses the element once, when it first appears, if asked to: after an action in a panel the
 * keyboard focus lands on the new content's heading instead of falling back to the page body.
 */
export function useFocusOnMount<T extends HTMLElement>(wanted: boolean) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useEffect(() => {
    if (wanted && !done.current && ref.current) {
      done.current = true;
      ref.current.focus();
    }
  });
  return ref;
}
