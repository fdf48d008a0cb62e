import { typeStyle } from '../graph/entity-types';

/** A small coloured label naming an entity type, matching its colour on the canvas. */
export function TypeBadge({ type }: { type: string }) {
  const style = typeStyle(type);
  return (
    <span className="type-badge" style={{ '--type-color': style.color } as React.CSSProperties}>
      {style.label}
    </span>
  );
}
