import { typeStyle } from '@/lib/graph/entity-style';

/** A small coloured label naming an entity type, matching its colour on the canvas. */
export function TypeBadge({ type }: { type: string }) {
  const style = typeStyle(type);
  return (
    <span className="type-badge" style={{ '--type-color': style.color } as React.CSSProperties}>
      {style.label}
    </span>
  );
}
