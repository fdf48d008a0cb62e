'use client';

import { useTranslations } from 'use-intl';
import type { GraphNode } from '@/lib/graph/types';
import { FALLBACK_MARK } from '@/lib/i18n/labeller';
import { useLabeller } from './use-labeller';

/** "EN" beside a text shown in English because the sources have none in the page's language. */
export function FallbackBadge({ title }: { title?: string }) {
  const t = useTranslations('common');
  return (
    <span className="lang-badge" title={title ?? t('fallbackBadge')}>
      <span aria-hidden="true">{FALLBACK_MARK}</span>
      <span className="visually-hidden"> ({title ?? t('fallbackBadge')})</span>
    </span>
  );
}

/** An entity's name in the page's language; where the sources have none, its English name with a badge. */
export function Caption({ node }: { node: Pick<GraphNode, 'name' | 'names' | 'group'> }) {
  const labels = useLabeller();
  const t = useTranslations('common');
  if (node.group) return <>{labels.nodeName(node)}</>;
  const { text, fallback } = labels.caption(node);
  if (!fallback) return <>{text}</>;
  return (
    <>
      <span lang={fallback}>{text}</span>
      {' '}
      <FallbackBadge title={t('fallbackTitle')} />
    </>
  );
}
