import type { Collection, Core } from 'cytoscape';
import type { Viewport } from '@/lib/url-state';

/**
 * Framing that respects what covers the canvas: the legend, a bottom sheet on phones, notes.
 * Anything marked `data-overlay` that lies over the canvas is cut away from the usable area, from
 * whichever side loses the least, and views are framed and centred inside what is left.
 */

/** The reader asked the system for less motion: the view jumps instead of gliding (WCAG 2.3.3). */
export function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** An animation's duration, or 0 when the reader prefers reduced motion. */
export function motion(duration: number): number {
  return reducedMotion() ? 0 : duration;
}

export interface Rect { left: number; top: number; right: number; bottom: number }

const MAX_FRAME_ZOOM = 1.6;
const PADDING = 36;

/** What lies over the canvas (anything marked `data-overlay`), in canvas pixels. */
export function overlayRects(cy: Core): Rect[] {
  const container = cy.container();
  if (!container || typeof document === 'undefined') return [];
  const box = container.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('[data-overlay]')) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const o = { left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top };
    if (o.right <= 0 || o.left >= cy.width() || o.bottom <= 0 || o.top >= cy.height()) continue;
    rects.push(o);
  }
  return rects;
}

/** The part of the canvas (in canvas pixels) that no overlay covers. */
export function usableRect(cy: Core): Rect {
  const rect: Rect = { left: 0, top: 0, right: cy.width(), bottom: cy.height() };
  for (const o of overlayRects(cy)) {
    if (o.right <= rect.left || o.left >= rect.right || o.bottom <= rect.top || o.top >= rect.bottom) continue;
    const options: Rect[] = [
      { ...rect, left: Math.max(rect.left, o.right) },
      { ...rect, top: Math.max(rect.top, o.bottom) },
      { ...rect, right: Math.min(rect.right, o.left) },
      { ...rect, bottom: Math.min(rect.bottom, o.top) },
    ];
    const area = (x: Rect) => Math.max(0, x.right - x.left) * Math.max(0, x.bottom - x.top);
    const best = options.reduce((a, b) => (area(b) > area(a) ? b : a));
    // An overlay that would leave almost nothing (a sheet pulled up) is ignored rather than obeyed.
    if (area(best) > 0.25 * area(rect)) Object.assign(rect, best);
  }
  return rect;
}

export interface ModelBox { x1: number; y1: number; x2: number; y2: number }

/** Zoom and pan that show `eles` inside the usable area (at most a comfortable zoom). */
function frameFor(cy: Core, eles: Collection): { zoom: number; pan: { x: number; y: number } } | null {
  const visible = eles.filter(':visible');
  if (visible.empty()) return null;
  return frameBoxFor(cy, visible.boundingBox({ includeLabels: false, includeOverlays: false }));
}

/** Zoom and pan that show a model-space box inside the usable area. */
function frameBoxFor(cy: Core, bb: ModelBox): { zoom: number; pan: { x: number; y: number } } {
  const area = usableRect(cy);
  const width = Math.max(1, area.right - area.left - 2 * PADDING);
  const height = Math.max(1, area.bottom - area.top - 2 * PADDING);
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FRAME_ZOOM, cy.maxZoom(), width / Math.max(1, bb.x2 - bb.x1), height / Math.max(1, bb.y2 - bb.y1)));
  const cx = (area.left + area.right) / 2;
  const cyy = (area.top + area.bottom) / 2;
  return { zoom, pan: { x: cx - ((bb.x1 + bb.x2) / 2) * zoom, y: cyy - ((bb.y1 + bb.y2) / 2) * zoom } };
}

export function frame(cy: Core, what: Collection | ModelBox, duration = 350): void {
  const target = 'x1' in what && typeof what.x1 === 'number' && !('boundingBox' in what) ? frameBoxFor(cy, what as ModelBox) : frameFor(cy, what as Collection);
  if (!target) return;
  cy.stop(true, true);
  if (motion(duration) > 0) cy.animate(target, { duration, easing: 'ease-in-out-cubic' });
  else cy.viewport(target);
}

/** Pans (zoom kept) so that an element sits in the middle of the usable area. */
export function centre(cy: Core, eles: Collection, duration = 300): void {
  if (eles.empty()) return;
  const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
  const area = usableRect(cy);
  const zoom = cy.zoom();
  const pan = { x: (area.left + area.right) / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: (area.top + area.bottom) / 2 - ((bb.y1 + bb.y2) / 2) * zoom };
  cy.stop(true, true);
  if (motion(duration) > 0) cy.animate({ pan }, { duration, easing: 'ease-in-out-cubic' });
  else cy.pan(pan);
}

/** Moves the view by a fraction of the canvas (the pan buttons: panning without dragging, WCAG 2.5.7). */
export function panBy(cy: Core, dx: number, dy: number): void {
  cy.stop(true, true);
  const by = { x: -dx * cy.width(), y: -dy * cy.height() };
  if (motion(200) > 0) cy.animate({ panBy: by }, { duration: 200, easing: 'ease-in-out-cubic' });
  else cy.panBy(by);
}

/** The viewport as the URL stores it: zoom and the model-space point at the centre of the canvas. */
export function readViewport(cy: Core): Viewport {
  const pan = cy.pan();
  const zoom = cy.zoom();
  return { zoom, x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
}

/** Sets the viewport from the URL (model-space centre and zoom), or frames everything. */
export function applyViewport(cy: Core, viewport: Viewport | null): void {
  cy.stop(true, true);
  if (!viewport) {
    frame(cy, cy.elements(), 0);
    return;
  }
  cy.zoom(viewport.zoom);
  cy.pan({ x: cy.width() / 2 - viewport.x * viewport.zoom, y: cy.height() / 2 - viewport.y * viewport.zoom });
}
