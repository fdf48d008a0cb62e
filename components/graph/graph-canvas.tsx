'use client';

import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';
import { installFastBoundingBox } from '@/components/graph/fast-bounding-box';
import { applyLevelOfDetail, CANVAS_OPTIONS, levelOfDetailStyle, MIN_LABEL_PX, type RenderChoice } from '@/components/graph/render-options';
import type { Positions } from '@/lib/layout/compute-layout';
import type { Viewport } from '@/lib/url-state';
import { graphStylesheet, labelMargin } from './graph-stylesheet';
import { exposeGraphForTests } from './graph-test-hook';
import { placeCanvasLabels } from './canvas-labels';
import { applyViewport, centre, frame, motion, readViewport, usableRect } from './viewport';

export interface CanvasSelection { kind: 'node' | 'edge'; id: string }

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  positions: Positions;
  selectedId: string | null;
  /** A viewport to apply (from the URL); a new seq re-applies it, e.g. on Back. null frames the view. */
  viewportRequest: { viewport: Viewport | null; seq: number };
  /** Entity a new batch grows out of: new nodes start there and glide to their place. */
  growFrom: string | null;
  /** What to bring into view after a step (a new seq each time): the new batch and its origin. */
  frame: { ids: string[]; seq: number };
  /** Renderer and level of detail for the view's size (fixed for this instance). */
  render: RenderChoice;
  /** Drawn under the graph (the world map), in model coordinates. */
  background?: { image: string; x: number; y: number; width: number; height: number } | null;
  onSelect: (selection: CanvasSelection | null) => void;
  onExpand: (id: string) => void;
  onViewportChange: (viewport: Viewport) => void;
  onReady?: (cy: Core) => void;
}

const ANIMATION_MS = 350;
const BACKGROUND_ID = '\u0001background';

/** Label size in model units that draws at least MIN_LABEL_PX (plus one) on screen at this zoom. */
function labelScale(zoom: number): number {
  return 1 / Math.min(1, zoom);
}

/** The only place a Cytoscape instance lives: created on mount, destroyed on unmount, fed by props. */
export function GraphCanvas(props: GraphCanvasProps) {
  const t = useTranslations('explorer');
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const scaleRef = useRef(1);
  const hoverRef = useRef<string | null>(null);
  const lastFrame = useRef<string[] | null>(null);
  const lastCentre = useRef<Viewport | null>(null);
  const declutterRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!container.current) return;
    const { render } = latest.current;
    const big = render.mode !== 'detail';
    const cy = cytoscape({
      container: container.current,
      elements: [],
      style: [...graphStylesheet(1), ...levelOfDetailStyle(render)],
      ...CANVAS_OPTIONS,
      ...render.options,
    });
    installFastBoundingBox(cy);
    cyRef.current = cy;
    const releaseDetail = applyLevelOfDetail(cy, render);

    // Labels: never drawn below a readable size (they scale with zoom-out) and never on top of one
    // another or of another entity: the more important ones win, the rest show on hover or zoom.
    let awaitingFrame = false;
    const declutterAfterFrame = () => {
      if (awaitingFrame) return;
      awaitingFrame = true;
      cy.one('render', () => {
        awaitingFrame = false;
        declutter();
      });
    };
    const declutter = () => {
      if (big) return;
      const scale = labelScale(cy.zoom());
      if (Math.abs(scale - scaleRef.current) / scaleRef.current > 0.04) {
        scaleRef.current = scale;
        cy.style([...graphStylesheet(scale), ...levelOfDetailStyle(render)]);
        // Label sizes are measured when a frame is drawn: place them once the new sizes are known.
        return declutterAfterFrame();
      }
      placeCanvasLabels(cy, { margin: labelMargin(scaleRef.current), forced: [latest.current.selectedId, hoverRef.current], skip: BACKGROUND_ID });
    };
    declutterRef.current = declutter;

    // An entity wins over a line that crosses it: a tap inside an entity's shape is a tap on it.
    const entityAt = (target: cytoscape.SingularElementArgument, p: { x: number; y: number }) => {
      if (target.isNode()) return target;
      const under = cy.nodes(':visible').filter((n) => {
        const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
        return n.id() !== BACKGROUND_ID && p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
      });
      return under.nonempty() ? under.last() : target;
    };
    cy.on('tap', (event) => {
      if (event.target === cy) return latest.current.onSelect(null);
      const target = entityAt(event.target, event.position);
      if (target.id() !== BACKGROUND_ID) latest.current.onSelect({ kind: target.isNode() ? 'node' : 'edge', id: target.id() });
    });
    cy.on('dbltap', (event) => {
      if (event.target === cy) return;
      const target = entityAt(event.target, event.position);
      if (target.isNode() && target.id() !== BACKGROUND_ID) latest.current.onExpand(target.id());
    });
    // Hover: the neighbourhood lights up and the full name shows, whatever was hidden to declutter;
    // labels are placed again once the full name (longer than the label it replaces) is measured.
    cy.on('mouseover', 'node', (event) => {
      const node = event.target as NodeSingular;
      if (node.id() === BACKGROUND_ID) return;
      hoverRef.current = node.id();
      cy.batch(() => {
        node.addClass('hovered');
        node.closedNeighborhood().addClass('hover-near');
      });
      declutterAfterFrame();
    });
    cy.on('mouseout', 'node', (event) => {
      const node = event.target as NodeSingular;
      hoverRef.current = null;
      cy.batch(() => {
        node.removeClass('hovered');
        cy.elements('.hover-near').removeClass('hover-near');
      });
      declutterAfterFrame();
    });
    let pending: ReturnType<typeof setTimeout> | undefined;
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      lastCentre.current = readViewport(cy);
      clearTimeout(pending);
      clearTimeout(labelTimer);
      // Debounced: the URL follows panning and zooming without a history entry per frame.
      pending = setTimeout(() => latest.current.onViewportChange(readViewport(cy)), 250);
      labelTimer = setTimeout(declutter, 120);
    });
    // A new size of the canvas (window, phone rotation, panel) frames the same things again.
    // Before any step of its own, a resize keeps the same point in the middle (a link's view stays the link's).
    cy.on('resize', () => {
      if (lastFrame.current) frame(cy, collect(cy, lastFrame.current), ANIMATION_MS);
      else if (lastCentre.current) applyViewport(cy, lastCentre.current);
    });
    const release = exposeGraphForTests(cy);
    latest.current.onReady?.(cy);
    return () => {
      clearTimeout(pending);
      clearTimeout(labelTimer);
      releaseDetail();
      release();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Diff elements by id inside one batch; new nodes glide out from where the view grew.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const firstPaint = cy.elements().filter((e) => e.id() !== BACKGROUND_ID).length === 0;
    const wanted = new Set(props.elements.map((el) => String(el.data.id)));
    if (props.background) wanted.add(BACKGROUND_ID);
    const origin = props.growFrom ? cy.$id(props.growFrom) : null;
    const start = origin && origin.nonempty() ? { ...origin.position() } : null;
    cy.batch(() => {
      cy.elements().filter((el) => !wanted.has(el.id())).remove();
      for (const el of props.elements) {
        const id = String(el.data.id);
        const existing = cy.$id(id);
        if (existing.nonempty()) {
          // Data a new view no longer has (a community colour switched off) is removed, not kept.
          const gone = Object.keys(existing.data()).filter((key) => !(key in el.data) && key !== 'id' && key !== 'source' && key !== 'target');
          if (gone.length > 0) existing.removeData(gone.join(' '));
          existing.data(el.data);
          existing.classes(el.classes ?? '');
        } else {
          cy.add(el.group === 'nodes' && start && !firstPaint ? { ...el, position: { ...start } } : el);
        }
      }
      const bg = props.background;
      if (bg) {
        const node = cy.$id(BACKGROUND_ID);
        const data = { id: BACKGROUND_ID, image: bg.image, width: bg.width, height: bg.height };
        if (node.empty()) cy.add({ group: 'nodes', data, position: { x: bg.x, y: bg.y }, classes: 'background', selectable: false, grabbable: false, locked: true });
      }
    });
    cy.nodes().forEach((node) => {
      const target = props.positions[node.id()];
      if (!target) return;
      const p = node.position();
      if (Math.abs(p.x - target.x) < 0.01 && Math.abs(p.y - target.y) < 0.01) return;
      if (firstPaint || !start || motion(ANIMATION_MS) === 0) node.position({ ...target });
      else node.animate({ position: { ...target } }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
    });
    if (firstPaint) {
      applyViewport(cy, props.viewportRequest.viewport);
      lastCentre.current = readViewport(cy);
      // For the "link opened -> graph drawn" benchmark (bench/open-link.ts).
      if (props.elements.length > 0) performance.mark('graph-drawn');
    }
    declutterRef.current();
    // Once new nodes have glided into place, labels are placed again where they really are.
    const settle = setTimeout(() => declutterRef.current(), ANIMATION_MS + 60);
    return () => clearTimeout(settle);
  }, [props.elements, props.positions, props.growFrom, props.viewportRequest.viewport, props.background]);

  // After each step: frame the new batch and where it came from (once the nodes have moved there).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || props.frame.seq === 0) return;
    const ids = props.frame.ids;
    lastFrame.current = ids;
    const nodes = collect(cy, ids).filter('node:visible');
    if (nodes.empty()) return;
    const positions = latest.current.positions;
    // Frame where the nodes are going, not where their animation starts (half a node of margin).
    const bb = nodes.toArray().reduce((b, node) => {
      const p = positions[node.id()] ?? (node as NodeSingular).position();
      const r = Number(node.data('size') ?? 40) / 2 + 6;
      return { x1: Math.min(b.x1, p.x - r), y1: Math.min(b.y1, p.y - r), x2: Math.max(b.x2, p.x + r), y2: Math.max(b.y2, p.y + r) };
    }, { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
    frame(cy, bb, ANIMATION_MS);
  }, [props.frame]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && props.viewportRequest.seq > 0) applyViewport(cy, props.viewportRequest.viewport);
  }, [props.viewportRequest]);

  // Selection: centred (unless this step frames something), and everything else dimmed.
  const framedSeq = useRef(0);
  // A link's (or Back's) own viewport is kept exactly: no centring on the selection it names.
  const viewportSeq = useRef<number | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selected = props.selectedId ? cy.$id(props.selectedId) : null;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      cy.elements('.dimmed').removeClass('dimmed');
      cy.elements('.near-selection').removeClass('near-selection crowded');
      if (selected && selected.nonempty()) {
        selected.select();
        const near = selected.isNode() ? (selected as unknown as NodeSingular).closedNeighborhood()
          : (selected as unknown as EdgeSingular).union((selected as unknown as EdgeSingular).connectedNodes());
        cy.elements().not(near).filter((e) => e.id() !== BACKGROUND_ID).addClass('dimmed');
        near.edges().addClass(near.edges().length > 8 ? 'near-selection crowded' : 'near-selection');
      }
    });
    const fromLink = viewportSeq.current !== props.viewportRequest.seq;
    viewportSeq.current = props.viewportRequest.seq;
    if (framedSeq.current !== props.frame.seq) framedSeq.current = props.frame.seq;
    else if (!fromLink && selected && selected.nonempty() && !isComfortablyInView(cy, selected.id())) centre(cy, selected);
    declutterRef.current();
  }, [props.selectedId, props.elements, props.viewportRequest.seq]);

  // Keyboard: arrow keys move the selection to the linked entity in that direction; Enter expands.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    const directions: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const direction = directions[event.key];
    const current = props.selectedId ? cy.$id(props.selectedId) : cy.collection();
    if (direction) {
      event.preventDefault();
      const next = current.nonempty() && current.isNode() ? neighbourInDirection(current as unknown as NodeSingular, direction) : mostConnected(cy);
      if (next) props.onSelect({ kind: 'node', id: next.id() });
    } else if (event.key === 'Enter' && current.nonempty() && current.isNode()) {
      event.preventDefault();
      props.onExpand(current.id());
    }
  };

  return (
    <div ref={container} className="graph-canvas" data-testid="graph-canvas" tabIndex={0} role="application"
      aria-roledescription={t('canvasRole')} onKeyDown={onKeyDown} aria-label={t('canvas')} />
  );
}

/** The elements with these ids that exist. */
function collect(cy: Core, ids: string[]) {
  return ids.reduce((c, id) => c.union(cy.$id(id)), cy.collection());
}

/** Whether an element's centre lies well inside the canvas (so selecting it need not move the view). */
function isComfortablyInView(cy: Core, id: string): boolean {
  const box = cy.$id(id).renderedBoundingBox({ includeLabels: false, includeOverlays: false });
  const area = usableRect(cy);
  const margin = 40;
  const x = (box.x1 + box.x2) / 2;
  const y = (box.y1 + box.y2) / 2;
  return x > area.left + margin && y > area.top + margin && x < area.right - margin && y < area.bottom - margin;
}

/** The linked entity closest to a direction (within 70 degrees of it), nearer ones first. */
function neighbourInDirection(node: NodeSingular, [dx, dy]: [number, number]): NodeSingular | null {
  const from = node.position();
  let best: NodeSingular | null = null;
  let bestScore = Infinity;
  node.neighborhood('node:visible').forEach((other) => {
    if (other.id() === BACKGROUND_ID) return;
    const p = other.position();
    const vx = p.x - from.x;
    const vy = p.y - from.y;
    const length = Math.hypot(vx, vy) || 1;
    const cos = (vx * dx + vy * dy) / length;
    if (cos < Math.cos((70 * Math.PI) / 180)) return;
    const score = length * (2 - cos);
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  });
  return best;
}

function mostConnected(cy: Core): NodeSingular | null {
  const nodes = cy.nodes(':visible').filter((n) => n.id() !== BACKGROUND_ID);
  if (nodes.empty()) return null;
  return nodes.max((n) => (n as NodeSingular).degree(false)).ele as NodeSingular;
}

export { readViewport, applyViewport, MIN_LABEL_PX };
