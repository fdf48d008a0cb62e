'use client';

import { useTranslations } from 'use-intl';
import type { GraphNode } from '@/lib/graph/types';
import { typeStyle } from '@/lib/draw/entity-style';
import { Caption } from '../i18n/caption';
import { useLabeller } from '../i18n/use-labeller';

/** Every entity on the canvas as a button: the keyboard and screen-reader way into the graph. */
export function InViewList({ nodes, hiddenTypes, selectedId, onSelect }: {
  nodes: GraphNode[];
  hiddenTypes: string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations('panels.inView');
  const labels = useLabeller();
  const collator = new Intl.Collator(labels.locale);
  const shown = nodes.filter((n) => !hiddenTypes.includes(n.type))
    .map((node) => ({ node, name: labels.nodeName(node) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <details className="in-view">
      <summary>{t('summary', { count: shown.length })}</summary>
      <ul aria-label={t('label')}>
        {shown.map(({ node }) => (
          <li key={node.id}>
            <button type="button" className="link" aria-current={node.id === selectedId ? 'true' : undefined}
              style={{ '--type-color': typeStyle(node.type).color } as React.CSSProperties} onClick={() => onSelect(node.id)}>
              <Caption node={node} />
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
