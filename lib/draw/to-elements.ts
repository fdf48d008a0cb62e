import type { ElementDefinition } from 'cytoscape';
import { GROUP_COLOUR, type ViewStyle } from '../analysis/settings';
import type { Positions } from '../layout/compute-layout';
import { PLAIN_LABELS, type Labeller } from '../i18n/labeller';
import type { GraphNode, Subgraph } from '../graph/types';
import { evidenceClass } from './evidence-style';
import { typeStyle } from './entity-style';

export interface ElementOptions {
  positions: Positions;
  expanded: Record<string, number>;
  hiddenTypes: string[];
  pathIds: Set<string>;
  /** Captions and relationship names in the interface language (default: as the data has them). */
  labels?: Labeller;
  /** Entities and relationships the time filter hides. */
  hiddenIds?: Set<string>;
  /** Sizes and colours of an analysis; null or absent: by database degree and by type. */
  style?: ViewStyle | null;
}

/** Node size grows gently with degree, so hubs read as hubs without swallowing the view. */
export function nodeSize(degree: number): number {
  return Math.round(26 + Math.min(30, 6 * Math.log2(1 + degree)));
}

/** Group nodes have one fixed size, so drawing some of their members never moves anything. */
export const GROUP_NODE_SIZE = 64;

/** Diameter of every node of a graph, for the layout (which keeps nodes apart by their size). */
export function nodeSizes(nodes: GraphNode[]): Record<string, number> {
  return Object.fromEntries(nodes.map((n) => [n.id, n.group ? GROUP_NODE_SIZE : nodeSize(n.degree)]));
}

/** Which label wins a collision: the bigger entity as drawn (by the analysis when there is one), else more relationships. */
function labelWeight(node: GraphNode, style?: ViewStyle | null): number {
  const size = style?.sizes[node.id];
  return size === undefined ? node.degree : size * 100;
}

/**
 * Which labels win when they would collide, the same in every picture (canvas, server picture,
 * share image, exports): path members first, then expanded entities, then hubs (or the analysis's
 * biggest).
 */
export function labelPriority(node: GraphNode, style: ViewStyle | null | undefined, onPath: boolean, expanded: boolean): number {
  return labelWeight(node, style) + (onPath ? 10_000 : 0) + (expanded ? 1_000 : 0);
}

/** Subgraph -> Cytoscape elements. Pure: the canvas diffs these by id. */
export function toElements(graph: Subgraph, options: ElementOptions): ElementDefinition[] {
  const { positions, expanded, pathIds, style, labels = PLAIN_LABELS } = options;
  const hiddenIds = options.hiddenIds ?? new Set<string>();
  const community = style?.settings.colour === 'community';
  const hiddenTypes = new Set(options.hiddenTypes);
  const shown = new Set(graph.nodes.map((n) => n.id));
  const visibleNeighbours = new Map<string, number>();
  // A group node stands for its remaining members: they count as shown for its origin's "+N".
  const represented = new Map(graph.nodes.filter((n) => n.group).map((n) => [n.id, n.group!.remaining]));
  for (const edge of graph.edges) {
    const weight = represented.get(edge.target) ?? 1;
    visibleNeighbours.set(edge.source, (visibleNeighbours.get(edge.source) ?? 0) + weight);
    visibleNeighbours.set(edge.target, (visibleNeighbours.get(edge.target) ?? 0) + 1);
  }
  const nodes: ElementDefinition[] = graph.nodes.map((node) => {
    if (node.group) {
      return {
        group: 'nodes',
        data: {
          id: node.id, label: labels.group(node.group, node.group.remaining), fullLabel: labels.group(node.group, node.group.remaining), type: node.type, typeColour: typeStyle(node.type).color, shape: typeStyle(node.type).shape, size: GROUP_NODE_SIZE, expandable: true, priority: 2_000 + node.group.remaining,
          ...(community ? { colour: GROUP_COLOUR } : {}),
        },
        position: { ...(positions[node.id] ?? { x: 0, y: 0 }) },
        classes: ['group', hiddenTypes.has(node.type) || node.group.remaining === 0 ? 'filtered' : ''].filter(Boolean).join(' '),
      };
    }
    // More relationships in the database than on screen: "+N" and a dashed border invite an expand.
    const hidden = Math.max(0, node.degree - (visibleNeighbours.get(node.id) ?? 0));
    const more = hidden > 0 ? `\n+${hidden}` : '';
    return {
      group: 'nodes',
      data: {
        id: node.id,
        // The count gets its own line, so a long name's ellipsis never hides it (nor the fallback marker).
        label: `${labels.captionLine(node, 29)}${more}`,
        fullLabel: `${labels.captionLine(node, Infinity)}${more}`,
        type: node.type,
        // Colour and shape travel with the entity, so any label (spaces, quotes, any script) is drawn as the legend shows it.
        typeColour: typeStyle(node.type).color,
        shape: typeStyle(node.type).shape,
        size: style?.sizes[node.id] ?? nodeSize(node.degree),
        ...(community && style.colours[node.id] ? { colour: style.colours[node.id] } : {}),
        expandable: hidden > 0,
        priority: labelPriority(node, style, pathIds.has(node.id), Boolean(expanded[node.id])),
      },
      position: { ...(positions[node.id] ?? { x: 0, y: 0 }) },
      classes: [hiddenTypes.has(node.type) || hiddenIds.has(node.id) ? 'filtered' : '', pathIds.has(node.id) ? 'path' : '', expanded[node.id] ? 'expanded' : '',
        evidenceClass(node.evidence, 'node')].filter(Boolean).join(' '),
    };
  });
  const edges: ElementDefinition[] = graph.edges
    .filter((edge) => shown.has(edge.source) && shown.has(edge.target))
    .map((edge) => ({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, label: edge.type === 'GROUP' ? '' : labels.relationship(edge.type) },
      classes: [pathIds.has(edge.id) ? 'path' : '', edge.id.endsWith('->') && edge.target.startsWith('\u0001') ? 'group-edge' : '',
        hiddenIds.has(edge.id) ? 'filtered' : '', evidenceClass(edge.evidence, 'edge')].filter(Boolean).join(' '),
    }));
  return [...nodes, ...edges];
}
