'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { GraphNode } from '@/lib/graph/types';
import { typeStyle } from '@/lib/draw/entity-style';
import { useLabeller } from '../i18n/use-labeller';

/**
 * Legend and filter in one: each type on screen, its colour and shape, a count and a toggle; above
 * them (children) how sizes and colours are chosen. When colours show communities, the type
 * swatches keep their shape in a neutral tone, so no colour means two things.
 */
export function TypeFilter({ nodes, hiddenTypes, onToggle, typeColours = true, children }: {
  nodes: GraphNode[];
  hiddenTypes: string[];
  onToggle: (type: string) => void;
  typeColours?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations('panels.legend');
  const labels = useLabeller();
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  for (const type of hiddenTypes) if (!counts.has(type)) counts.set(type, 0);
  // Open on wide screens; folded on phones, where it would cover the graph.
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (window.matchMedia('(max-width: 760px)').matches) setOpen(false);
  }, []);
  const types = [...counts].sort(([a], [b]) => labels.type(a).localeCompare(labels.type(b), labels.locale));
  return (
    <details className="legend" data-overlay="" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('summary')}</summary>
      {children}
      <fieldset>
        <legend className="visually-hidden">{t('types')}</legend>
        {types.map(([type, count]) => {
          const style = typeStyle(type);
          return (
            <label key={type} className="legend-item">
              <input type="checkbox" checked={!hiddenTypes.includes(type)} onChange={() => onToggle(type)} />
              <span className={`swatch shape-${style.shape}`} style={{ background: typeColours ? style.color : '#98a2b3' }} aria-hidden="true" />
              <span>{labels.type(type)}</span>
              <span className="muted">{count}</span>
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
