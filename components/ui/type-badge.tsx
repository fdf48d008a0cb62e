'use client';

import { typeStyle, typeTint } from '@/lib/draw/entity-style';
import { useLabeller } from '../i18n/use-labeller';

/** A small coloured label naming an entity type, matching its colour on the canvas. */
export function TypeBadge({ type }: { type: string }) {
  const labels = useLabeller();
  return (
    <span className="type-badge" style={{ '--type-color': typeStyle(type).color, '--type-tint': typeTint(type) } as React.CSSProperties}>
      {labels.type(type)}
    </span>
  );
}
