'use client';

import { useEffect } from 'react';
import { api } from '@/lib/client/api';

/**
 * While the database is down, asks the health endpoint every few seconds; once it answers, calls
 * `onBack` (the explorer clears the banner and makes failed steps retryable). A first render that
 * had no graph at all is rendered again instead, now that there is data.
 */
export function useDatabaseHealth(down: boolean, onBack: () => void, reloadWhenBack: () => boolean): void {
  useEffect(() => {
    if (!down) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      api.health(controller.signal).then(() => {
        if (reloadWhenBack()) window.location.reload();
        onBack();
      }, () => undefined);
    }, 3000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [down, onBack, reloadWhenBack]);
}
