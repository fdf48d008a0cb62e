import { previewSvg, type PreviewOptions } from '@/lib/graph/preview-svg';
import type { Subgraph } from '@/lib/graph/types';
import type { Positions } from '@/lib/layout/compute-layout';

/** The server-drawn picture of the view, shown until the interactive canvas has loaded. */
export function GraphPreview({ graph, positions, options }: { graph: Subgraph; positions: Positions; options?: PreviewOptions }) {
  return (
    <div className="graph-preview" role="img" aria-label={`Graph of ${graph.nodes.filter((n) => !n.group).length} entities`}
      dangerouslySetInnerHTML={{ __html: previewSvg(graph, positions, options) }} />
  );
}
