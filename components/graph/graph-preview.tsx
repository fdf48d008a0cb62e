import { previewSvg } from '@/lib/graph/preview-svg';
import type { Subgraph } from '@/lib/graph/types';
import type { Positions } from '@/lib/layout/compute-layout';

/** The server-drawn picture of the view, shown until the interactive canvas has loaded. */
export function GraphPreview({ graph, positions }: { graph: Subgraph; positions: Positions }) {
  return (
    <div className="graph-preview" role="img" aria-label={`Graph of ${graph.nodes.length} entities`}
      dangerouslySetInnerHTML={{ __html: previewSvg(graph, positions) }} />
  );
}
