import type { Core, CytoscapeOptions, StylesheetJson } from 'cytoscape';

/**
 * How the canvas draws a view of a given size. Small views keep today's full detail. Big views
 * switch to Cytoscape's WebGL renderer where the browser has WebGL 2 (the canvas renderer with its
 * viewport shortcuts otherwise) and drop detail that cannot be read anyway: labels below a readable
 * size, edge labels, and arrows when zoomed out. Pure apart from `webglAvailable` and
 * `applyLevelOfDetail`, which touch the browser and a Cytoscape instance.
 */

export interface ViewSize {
  nodes: number;
  edges: number;
  /** Whether the browser can create a WebGL 2 context (see `webglAvailable`). */
  webglAvailable: boolean;
}

export type RenderMode = 'detail' | 'big-canvas' | 'big-webgl';

/** Renderer options as Cytoscape's constructor takes them (they may sit at the top level). */
export type RendererOptions = Pick<CytoscapeOptions,
  'webgl' | 'hideEdgesOnViewport' | 'textureOnViewport' | 'motionBlur' | 'pixelRatio'>;

export interface RenderChoice {
  mode: RenderMode;
  /** Spread into `cytoscape({ ... })`. Renderer options are fixed at creation: a new mode needs a new instance. */
  options: RendererOptions;
  /** Below this zoom, labels and arrows drop out (`FAR_CLASS`); null: never. */
  farZoom: number | null;
}

/** From this many nodes or edges a view counts as big: level of detail applies. */
const BIG_VIEW = { nodes: 500, edges: 1500 } as const;
/** From this many nodes or edges the WebGL renderer is used where available. */
const WEBGL_VIEW = { nodes: 1000, edges: 3000 } as const;
/** Smallest label size on screen, in CSS pixels: smaller labels are hidden, not shrunk. */
export const MIN_LABEL_PX = 11;
/**
 * Zoom below which a big view shows shapes and lines only (back to labels above `FAR_ZOOM * 1.15`).
 * 0.5 is where the canvas renderer's `min-zoomed-font-size` stops drawing an 11 px label, given
 * that it rounds the zoom to a power of two; WebGL ignores that property, so the class does it there.
 */
export const FAR_ZOOM = 0.5;
const HYSTERESIS = 1.15;
/** The class `applyLevelOfDetail` puts on every element of a big view while zoomed out. */
export const FAR_CLASS = 'lod-far';

function isBigView({ nodes, edges }: Pick<ViewSize, 'nodes' | 'edges'>): boolean {
  return nodes >= BIG_VIEW.nodes || edges >= BIG_VIEW.edges;
}

/** The renderer and level of detail for a view of this size. */
export function renderOptions(size: ViewSize): RenderChoice {
  if (!isBigView(size)) return { mode: 'detail', options: {}, farZoom: null };
  const webgl = size.webglAvailable && (size.nodes >= WEBGL_VIEW.nodes || size.edges >= WEBGL_VIEW.edges);
  if (webgl) {
    // WebGL draws the whole scene every frame quickly, so the viewport shortcuts are not needed.
    // Cytoscape's default atlas and batch sizes are kept: with 4096-pixel atlases the page was lost
    // under Chromium's software WebGL (SwiftShader), which is what a machine without a GPU gets.
    return { mode: 'big-webgl', options: { webgl: true, pixelRatio: 1, motionBlur: false }, farZoom: FAR_ZOOM };
  }
  // Canvas: while panning or zooming, reuse a snapshot of the view and leave out the edges. No
  // zoom-dependent class here: the canvas drops small labels by itself (`min-zoomed-font-size`) and
  // haystack lines carry no arrows, while toggling a class on 25,000 elements restyles them all
  // (bench:view: the slowest frames of a zoom, about a second each).
  return {
    mode: 'big-canvas',
    options: { hideEdgesOnViewport: true, textureOnViewport: true, pixelRatio: 1, motionBlur: false },
    farZoom: null,
  };
}

/**
 * Style rules appended after the app's stylesheet for this choice (none for small views).
 * WebGL draws straight or bezier edges and triangle arrows only, and ignores `min-zoomed-font-size`,
 * which is why labels there drop out through `FAR_CLASS` instead.
 */
export function levelOfDetailStyle(choice: RenderChoice): StylesheetJson {
  if (choice.mode === 'detail') return [];
  const edgeShape = choice.mode === 'big-webgl'
    ? { 'curve-style': 'straight' as const }
    // Haystack lines are the cheapest the canvas draws (no arrows, no control points).
    : { 'curve-style': 'haystack' as const, 'haystack-radius': 0 };
  return [
    { selector: 'node', style: { 'min-zoomed-font-size': MIN_LABEL_PX, 'transition-property': 'none' } },
    { selector: 'node:selected, node.path', style: { 'min-zoomed-font-size': 0 } },
    // Edge labels only where someone asked for them: a selected edge, a path.
    { selector: 'edge', style: { ...edgeShape, label: '' } },
    { selector: 'edge:selected, edge.path', style: { label: 'data(label)' } },
    { selector: `node.${FAR_CLASS}`, style: { label: '' } },
    { selector: `edge.${FAR_CLASS}`, style: { 'target-arrow-shape': 'none' } },
    // The selection and a path keep their labels at any zoom.
    { selector: `node.${FAR_CLASS}:selected, node.${FAR_CLASS}.path`, style: { label: 'data(label)' } },
  ];
}

export type DetailLevel = 'near' | 'far';

/** The detail level at a zoom, with hysteresis so a zoom hovering at the threshold does not flicker. */
export function detailLevel(zoom: number, choice: RenderChoice, current: DetailLevel = 'near'): DetailLevel {
  if (choice.farZoom === null) return 'near';
  if (current === 'far') return zoom > choice.farZoom * HYSTERESIS ? 'near' : 'far';
  return zoom < choice.farZoom ? 'far' : 'near';
}

/**
 * Keeps `FAR_CLASS` on every element of `cy` while the zoom is below the choice's threshold.
 * Changes only when the level changes (one restyle per crossing, not per frame). Returns a disposer.
 */
export function applyLevelOfDetail(cy: Core, choice: RenderChoice): () => void {
  let level: DetailLevel = 'near';
  const update = () => {
    const next = detailLevel(cy.zoom(), choice, level);
    if (next === level) return;
    level = next;
    cy.batch(() => {
      if (level === 'far') cy.elements().addClass(FAR_CLASS);
      else cy.elements().removeClass(FAR_CLASS);
    });
  };
  // Elements added later join the current level.
  const onAdd = (event: { target: { addClass: (c: string) => void } }) => { if (level === 'far') event.target.addClass(FAR_CLASS); };
  update();
  cy.on('zoom', update);
  cy.on('add', onAdd);
  return () => {
    cy.off('zoom', update);
    cy.off('add', onAdd);
  };
}

/** The Cytoscape options every canvas of the app shares (the benchmark mounts the same). */
export const CANVAS_OPTIONS = {
  layout: { name: 'preset' },
  // Low enough to fit a 5,000-entity view on screen.
  minZoom: 0.02,
  maxZoom: 4,
  wheelSensitivity: 0.3,
  boxSelectionEnabled: false,
  selectionType: 'single',
} as const satisfies CytoscapeOptions;

let webglProbe: { context: boolean; hardware: boolean } | undefined;

/**
 * Whether this browser can create a WebGL 2 context, by default only a hardware-backed one (what
 * Cytoscape's WebGL renderer needs to pay off): a software rasteriser (SwiftShader, llvmpipe: no GPU)
 * draws WebGL slower than the canvas renderer with its viewport shortcuts (bench:view measured 0.4
 * vs 4.2 fps). `allowSoftware` is for the benchmark, which measures WebGL wherever it exists.
 */
export function webglAvailable({ allowSoftware = false } = {}): boolean {
  if (typeof document === 'undefined') return false;
  if (!webglProbe) {
    try {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      webglProbe = { context: gl !== null, hardware: gl !== null && !/swiftshader|llvmpipe|software/i.test(renderer) };
      // Free the probe's context right away: browsers cap live WebGL contexts.
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webglProbe = { context: false, hardware: false };
    }
  }
  return allowSoftware ? webglProbe.context : webglProbe.hardware;
}
