import type { Core } from 'cytoscape';
import { labelSpots, placeLabels, shifted, type LabelCandidate, type Obstacle } from '@/lib/draw/label-placement';
import { overlayRects } from './viewport';

/** Element scratch key: the text margins that moved a label off its default place below its entity. */
const LABEL_MOVE = 'labelMove';

export interface CanvasLabelOptions {
  /** The stylesheet's gap between an entity and its label below, in model units. */
  margin: number;
  /** Ids whose labels always show (the selection, the hovered entity); groups always do. */
  forced: (string | null)[];
  /** A node that is not an entity (the map's background). */
  skip: string;
}

/**
 * Shows the labels that fit, each below its entity or in the first free place around it (see
 * lib/draw/label-placement), and hides the rest. Measures Cytoscape's own boxes, so it must run
 * after a frame has measured the current label sizes. What covers the canvas (the legend, a sheet)
 * hides labels as an entity would, and no label leaves the visible canvas.
 */
export function placeCanvasLabels(cy: Core, { margin, forced, skip }: CanvasLabelOptions): void {
  const nodes = cy.nodes(':visible').filter((n) => n.id() !== skip);
  const candidates: LabelCandidate[] = [];
  const obstacles: Obstacle[] = [];
  const moves = new Map<string, { dx: number; dy: number }[]>();
  nodes.forEach((node) => {
    const body = node.boundingBox({ includeLabels: false, includeOverlays: false });
    obstacles.push({ id: node.id(), box: body });
    const drawn = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (drawn.w <= 0) return;
    // Where the label would be below its entity: where it is drawn, less the margins set last time.
    const applied = node.scratch(LABEL_MOVE) as { x: number; y: number } | undefined;
    const label = applied ? shifted(drawn, -applied.x, margin - applied.y) : drawn;
    const group = node.hasClass('group');
    const spots = group ? [] : labelSpots(body, label);
    moves.set(node.id(), spots);
    candidates.push({
      id: node.id(),
      label,
      alternatives: spots.slice(1).map(({ dx, dy }) => shifted(label, dx, dy)),
      priority: Number(node.data('priority') ?? 0),
      // A group's label is what it is ("151 countries"): always shown, inside its own box.
      forced: forced.includes(node.id()) || group,
    });
  });
  const zoom = cy.zoom();
  const pan = cy.pan();
  for (const overlay of overlayRects(cy)) {
    obstacles.push({ id: '', box: { x1: (overlay.left - pan.x) / zoom, y1: (overlay.top - pan.y) / zoom, x2: (overlay.right - pan.x) / zoom, y2: (overlay.bottom - pan.y) / zoom } });
  }
  const shown = placeLabels(candidates, obstacles, cy.extent());
  cy.batch(() => nodes.forEach((node) => {
    const id = node.id();
    const spot = shown.get(id);
    if (spot === undefined) node.addClass('label-hidden');
    else node.removeClass('label-hidden');
    const move = spot ? moves.get(id)?.[spot] : undefined;
    if (move) {
      const margins = { x: move.dx, y: margin + move.dy };
      node.scratch(LABEL_MOVE, margins);
      node.style({ 'text-margin-x': margins.x, 'text-margin-y': margins.y });
    } else if (node.scratch(LABEL_MOVE)) {
      node.removeScratch(LABEL_MOVE);
      node.removeStyle('text-margin-x text-margin-y');
    }
  }));
}
