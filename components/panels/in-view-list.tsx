'use client';

import type { GraphNode } from '@/lib/graph/types';
import { typeStyle } from '@/lib/graph/entity-style';

/** Every entity on the canvas as a button: the keyboard and screen-reader way into the graph. */
export function InViewList({ nodes, hiddenTypes, selectedId, onSelect }: {
  nodes: GraphNode[];
  hiddenTypes: string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const shown = nodes.filter((n) => !hiddenTypes.includes(n.type)).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <details className="in-view">
      <summary>Entities in view ({shown.length})</summary>
      <ul aria-label="Entities in view">
        {shown.map((node) => (
          <li key={node.id}>
            <button type="button" className="link" aria-current={node.id === selectedId ? 'true' : undefined}
              style={{ '--type-color': typeStyle(node.type).color } as React.CSSProperties} onClick={() => onSelect(node.id)}>
              {node.name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
