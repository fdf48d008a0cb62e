import type { Core } from 'cytoscape';

/**
 * A read-only window.__graph for the browser tests, only in builds made with NEXT_PUBLIC_E2E=1:
 * what is on the canvas cannot be read from the DOM, so the tests ask the graph itself.
 */
export interface GraphTestHook {
  nodeIds(): string[];
  visibleNodeIds(): string[];
  edgeIds(): string[];
  /** Relationships drawn (not hidden by a filter, both ends shown). */
  visibleEdgeIds(): string[];
  selectedIds(): string[];
  /** How an entity is drawn: its diameter in model units and its fill colour (rgb(...)). */
  nodeStyle(id: string): { size: number; colour: string } | null;
  /** How a relationship is drawn: its line style (solid, dashed, dotted) and opacity. */
  edgeStyle(id: string): { line: string; opacity: number } | null;
  /** Style classes of an element (path, filtered, expanded). */
  classes(id: string): string[];
  /** Model position (layout coordinates) of an entity. */
  position(id: string): { x: number; y: number } | null;
  /** Position on the page, for clicking an entity. */
  renderedPosition(id: string): { x: number; y: number } | null;
  zoom(): number;
  animating(): boolean;
  /** Pans (as a user would) so that an entity is in the middle of the canvas. */
  centerOn(id: string): void;
  /** Page-space boxes of entity bodies (visible nodes). */
  nodeBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  /** The label text an entity carries (drawn or not): its caption in the interface language. */
  label(id: string): string | null;
  /** Page-space boxes of the labels actually drawn, with their size on screen in CSS pixels. */
  labelBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number; fontPx: number }[];
}

declare global {
  interface Window { __graph?: GraphTestHook }
}

export function exposeGraphForTests(cy: Core): () => void {
  if (process.env.NEXT_PUBLIC_E2E !== '1') return () => {};
  const hook: GraphTestHook = {
    nodeIds: () => cy.nodes().map((n) => n.id()).sort(),
    visibleNodeIds: () => cy.nodes(':visible').map((n) => n.id()).sort(),
    edgeIds: () => cy.edges().map((e) => e.id()).sort(),
    visibleEdgeIds: () => cy.edges(':visible').map((e) => e.id()).sort(),
    nodeStyle: (id) => {
      const node = cy.$id(id);
      return node.nonempty() ? { size: node.width(), colour: String(node.style('background-color')) } : null;
    },
    edgeStyle: (id) => {
      const edge = cy.$id(id);
      return edge.nonempty() ? { line: String(edge.style('line-style')), opacity: Number(edge.style('opacity')) } : null;
    },
    selectedIds: () => cy.elements(':selected').map((e) => e.id()),
    classes: (id) => cy.$id(id).classes(),
    position: (id) => {
      const node = cy.$id(id);
      return node.nonempty() ? { ...node.position() } : null;
    },
    renderedPosition: (id) => {
      const node = cy.$id(id);
      if (node.empty()) return null;
      const box = cy.container()!.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    zoom: () => cy.zoom(),
    label: (id) => {
      const element = cy.$id(id);
      return element.nonempty() ? String(element.data('label') ?? '') : null;
    },
    centerOn: (id) => { cy.center(cy.$id(id)); },
    nodeBoxes: () => {
      const box = cy.container()!.getBoundingClientRect();
      return cy.nodes(':visible').filter((n) => !n.hasClass('background')).map((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return { id: n.id(), x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2 };
      });
    },
    labelBoxes: () => {
      const box = cy.container()!.getBoundingClientRect();
      return cy.nodes(':visible').filter((n) => !n.hasClass('background') && String(n.style('label') ?? '') !== ''
        && Number(n.style('text-opacity')) > 0 && Number(n.style('opacity')) > 0).map((n) => {
        const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
        return { id: n.id(), x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2, fontPx: parseFloat(String(n.style('font-size'))) * cy.zoom() };
      }).filter((b) => b.x2 > b.x1);
    },
    animating: () => cy.animated() || cy.nodes().some((n) => (n as unknown as { animated(): boolean }).animated()),
  };
  window.__graph = hook;
  return () => {
    if (window.__graph === hook) delete window.__graph;
  };
}
