import type { Subgraph } from '@/lib/graph/types';
import type { Positions } from '@/lib/layout/compute-layout';
import { nodeSize } from '@/lib/graph/to-elements';
import { typeStyle } from './entity-types';

/**
 * A static SVG of a view, drawn on the server from the same positions the canvas will use:
 * the first paint is the graph, not a blank box, and the preview image reuses it.
 */
export function GraphPreview({ graph, positions, width, height, labels = true }: {
  graph: Subgraph;
  positions: Positions;
  width?: number;
  height?: number;
  labels?: boolean;
}) {
  const points = graph.nodes.map((n) => positions[n.id]).filter((p): p is { x: number; y: number } => Boolean(p));
  const pad = 60;
  const minX = Math.min(0, ...points.map((p) => p.x)) - pad;
  const minY = Math.min(0, ...points.map((p) => p.y)) - pad;
  const maxX = Math.max(0, ...points.map((p) => p.x)) + pad;
  const maxY = Math.max(0, ...points.map((p) => p.y)) + pad;
  return (
    <svg className="graph-preview" viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`} width={width} height={height}
      preserveAspectRatio="xMidYMid meet" role="img" aria-label={`Graph of ${graph.nodes.length} entities`} xmlns="http://www.w3.org/2000/svg">
      <rect x={minX} y={minY} width={maxX - minX} height={maxY - minY} fill="#f7f8fb" />
      {graph.edges.map((edge) => {
        const a = positions[edge.source];
        const b = positions[edge.target];
        return a && b ? <line key={edge.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#b8c2d1" strokeWidth={1.6} /> : null;
      })}
      {graph.nodes.map((node) => {
        const p = positions[node.id];
        if (!p) return null;
        const r = nodeSize(node.degree) / 2;
        return (
          <g key={node.id}>
            <circle cx={p.x} cy={p.y} r={r} fill={typeStyle(node.type).color} stroke="#ffffff" strokeWidth={2} />
            {labels && (
              <text x={p.x} y={p.y + r + 12} fontSize={11} textAnchor="middle" fill="#1d2433" fontFamily="system-ui, sans-serif">
                {node.name.length > 28 ? `${node.name.slice(0, 26)}…` : node.name}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
