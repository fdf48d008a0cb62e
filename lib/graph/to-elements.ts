import type { ElementDefinition } from 'cytoscape';
import type { Positions } from '../layout/compute-layout';
import { relationshipLabel } from './entity-style';
import type { Subgraph } from './types';

export interface ElementOptions {
  positions: Positions;
  expanded: Record<string, number>;
  hiddenTypes: string[];
  pathIds: Set<string>;
}

/** Node size grows gently with degree, so hubs read as hubs without swallowing the view. */
export function nodeSize(degree: number): number {
  return Math.round(26 + Math.min(30, 6 * Math.log2(1 + degree)));
}

/** Subgraph -> Cytoscape elements. Pure: the canvas diffs these by id. */
export function toElements(graph: Subgraph, options: ElementOptions): ElementDefinition[] {
  const { positions, expanded, pathIds } = options;
  const hiddenTypes = new Set(options.hiddenTypes);
  const shown = new Set(graph.nodes.map((n) => n.id));
  const visibleNeighbours = new Map<string, number>();
  for (const edge of graph.edges) {
    visibleNeighbours.set(edge.source, (visibleNeighbours.get(edge.source) ?? 0) + 1);
    visibleNeighbours.set(edge.target, (visibleNeighbours.get(edge.target) ?? 0) + 1);
  }
  const nodes: ElementDefinition[] = graph.nodes.map((node) => {
    // More relationships in the database than on screen: "+N" and a dashed border invite an expand.
    const hidden = Math.max(0, node.degree - (visibleNeighbours.get(node.id) ?? 0));
    return {
      group: 'nodes',
      data: {
        id: node.id,
        // The count gets its own line, so a long name's ellipsis never hides it.
        label: `${node.name.length > 30 ? `${node.name.slice(0, 28)}…` : node.name}${hidden > 0 ? `\n+${hidden}` : ''}`,
        type: node.type,
        size: nodeSize(node.degree),
        expandable: hidden > 0,
      },
      position: { ...(positions[node.id] ?? { x: 0, y: 0 }) },
      classes: [hiddenTypes.has(node.type) ? 'filtered' : '', pathIds.has(node.id) ? 'path' : '', expanded[node.id] ? 'expanded' : ''].filter(Boolean).join(' '),
    };
  });
  const edges: ElementDefinition[] = graph.edges
    .filter((edge) => shown.has(edge.source) && shown.has(edge.target))
    .map((edge) => ({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, label: relationshipLabel(edge.type) },
      classes: pathIds.has(edge.id) ? 'path' : '',
    }));
  return [...nodes, ...edges];
}
