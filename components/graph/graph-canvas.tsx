'use client';

import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { Positions } from '@/lib/layout/compute-layout';
import type { Viewport } from '@/lib/url-state';
import { graphStylesheet } from './graph-stylesheet';
import { exposeGraphForTests } from './graph-test-hook';

export interface CanvasSelection { kind: 'node' | 'edge'; id: string }

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  positions: Positions;
  types: string[];
  selectedId: string | null;
  /** A viewport to apply (from the URL); a new seq re-applies it, e.g. on Back. null fits the view. */
  viewportRequest: { viewport: Viewport | null; seq: number };
  /** Entity a new batch grows out of: new nodes start there and glide to their place. */
  growFrom: string | null;
  onSelect: (selection: CanvasSelection | null) => void;
  onExpand: (id: string) => void;
  onViewportChange: (viewport: Viewport) => void;
  onReady?: (cy: Core) => void;
}

const ANIMATION_MS = 350;

/** The only place a Cytoscape instance lives: created on mount, destroyed on unmount, fed by props. */
export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: [],
      style: graphStylesheet(latest.current.types),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    cy.on('tap', (event) => {
      if (event.target === cy) latest.current.onSelect(null);
      else latest.current.onSelect({ kind: event.target.isNode() ? 'node' : 'edge', id: event.target.id() });
    });
    cy.on('dbltap', 'node', (event) => latest.current.onExpand(event.target.id()));
    let pending: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(pending);
      // Debounced: the URL follows panning and zooming without a history entry per frame.
      pending = setTimeout(() => latest.current.onViewportChange(readViewport(cy)), 250);
    });
    const release = exposeGraphForTests(cy);
    latest.current.onReady?.(cy);
    return () => {
      clearTimeout(pending);
      release();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Diff elements by id inside one batch; new nodes glide out from where the view grew.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const firstPaint = cy.elements().length === 0;
    const wanted = new Set(props.elements.map((el) => String(el.data.id)));
    const origin = props.growFrom ? cy.$id(props.growFrom) : null;
    const start = origin && origin.nonempty() ? { ...origin.position() } : null;
    const added: string[] = [];
    cy.batch(() => {
      cy.elements().filter((el) => !wanted.has(el.id())).remove();
      cy.style(graphStylesheet(props.types));
      for (const el of props.elements) {
        const id = String(el.data.id);
        const existing = cy.$id(id);
        if (existing.nonempty()) {
          existing.data(el.data);
          existing.classes(el.classes ?? '');
        } else {
          cy.add(el.group === 'nodes' && start && !firstPaint ? { ...el, position: { ...start } } : el);
          if (el.group === 'nodes') added.push(id);
        }
      }
    });
    cy.nodes().forEach((node) => {
      const target = props.positions[node.id()];
      if (!target) return;
      const p = node.position();
      if (Math.abs(p.x - target.x) < 0.01 && Math.abs(p.y - target.y) < 0.01) return;
      if (firstPaint || !start) node.position({ ...target });
      else node.animate({ position: { ...target } }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
    });
    if (firstPaint) {
      applyViewport(cy, props.viewportRequest.viewport);
      // For the "link opened -> graph drawn" benchmark (bench/open-link.ts).
      if (props.elements.length > 0) performance.mark('graph-drawn');
    }
    // An exploration step refits; Back/Forward (no growFrom) restores the URL's viewport instead.
    else if (added.length > 0 && props.growFrom) cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: ANIMATION_MS });
  }, [props.elements, props.positions, props.types, props.growFrom, props.viewportRequest.viewport]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && props.viewportRequest.seq > 0) applyViewport(cy, props.viewportRequest.viewport);
  }, [props.viewportRequest]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (props.selectedId) cy.$id(props.selectedId).select();
    });
  }, [props.selectedId, props.elements]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" aria-hidden="true" />;
}

/** The viewport as the URL stores it: zoom and the model-space point at the centre of the canvas. */
export function readViewport(cy: Core): Viewport {
  const pan = cy.pan();
  const zoom = cy.zoom();
  return { zoom, x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
}

/** Sets the viewport from the URL (model-space centre and zoom), or fits everything. */
export function applyViewport(cy: Core, viewport: Viewport | null): void {
  cy.stop(true, true);
  if (!viewport) {
    cy.fit(cy.elements(':visible'), 40);
    if (cy.zoom() > 1.6) cy.zoom(1.6);
    cy.center(cy.elements(':visible'));
    return;
  }
  cy.zoom(viewport.zoom);
  cy.pan({ x: cy.width() / 2 - viewport.x * viewport.zoom, y: cy.height() / 2 - viewport.y * viewport.zoom });
}
