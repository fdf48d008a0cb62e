'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';

/** A button that copies a link, and says for a moment that it did (or could not). */
export function CopyButton({ link, children, className }: { link: () => string; children: ReactNode; className?: string }) {
  const t = useTranslations('story');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <button type="button" className={className} onClick={() => void copy()}>
      {copied === 'idle' ? children : <span role="status">{copied === 'copied' ? t('copied') : t('copyFailed')}</span>}
    </button>
  );
}
