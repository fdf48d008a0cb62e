/**
 * The browser half of `npm run bench:view` (bench/view.ts bundles and serves it). It draws a
 * synthetic view with the app's own stylesheet and element mapping, drives pan and zoom with mouse
 * and wheel events (one step per animation frame, the way a user's drag arrives), and counts frames;
 * it also times the app's layout on the main thread and in the layout worker.
 */
import { installFastBoundingBox } from '../components/graph/fast-bounding-box';
import cytoscape, { type Core, type CytoscapeOptions, type StylesheetJson } from 'cytoscape';
import { graphStylesheet } from '../components/graph/graph-stylesheet';
import { applyLevelOfDetail, CANVAS_OPTIONS, levelOfDetailStyle, renderOptions, webglAvailable } from '../components/graph/render-options';
import { toElements } from '../lib/draw/to-elements';
import type { GraphEdge, GraphNode, Subgraph } from '../lib/graph/types';
import { computeLayout, type LayoutInput, type Positions } from '../lib/layout/compute-layout';
import { createLayoutClient } from '../lib/layout/layout-client';
import { mulberry32 } from '../lib/layout/seeded-random';

const TYPES = ['Person', 'Organization', 'Country', 'Document', 'Place', 'Field', 'Event'];
const TYPE_WEIGHTS = [0.3, 0.25, 0.1, 0.1, 0.1, 0.1, 0.05];
const REL_TYPES = ['PARTNER_OF', 'MEMBER_OF', 'LOCATED_IN', 'ABOUT', 'ATTENDED'];
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Model-space radius around (0, 0) left empty, so a drag can always start on the background. */
const HOLE = 220;

function pickType(random: () => number): string {
  let r = random();
  for (let i = 0; i < TYPES.length; i++) {
    r -= TYPE_WEIGHTS[i]!;
    if (r <= 0) return TYPES[i]!;
  }
  return TYPES[0]!;
}

/**
 * A deterministic big view: entities on a sunflower spiral (about 110 px apart, like the app's
 * force layout) with jitter, each linked to spiral neighbours (which are near in space) and one in
 * ten relationships to a random far entity.
 */
export function syntheticView(nodeCount: number, edgeCount: number, seed = 1): { graph: Subgraph; positions: Positions } {
  const random = mulberry32(seed);
  const ids = Array.from({ length: nodeCount }, (_, k) => `bench:${k}`);
  const positions: Positions = {};
  ids.forEach((id, k) => {
    const radius = HOLE + 62 * Math.sqrt(k);
    const angle = k * GOLDEN_ANGLE;
    positions[id] = { x: radius * Math.cos(angle) + (random() - 0.5) * 20, y: radius * Math.sin(angle) + (random() - 0.5) * 20 };
  });
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  const steps = [13, 21, 34, 55, 89, 8, 5];
  for (let round = 0; edges.length < edgeCount; round++) {
    for (let k = 0; k < nodeCount && edges.length < edgeCount; k++) {
      const step = steps[round % steps.length]!;
      const far = random() < 0.1 || k + step >= nodeCount;
      const j = far ? Math.floor(random() * nodeCount) : k + step;
      if (j === k) continue;
      const type = REL_TYPES[(k + j) % REL_TYPES.length]!;
      const id = `${ids[k]}-${type}->${ids[j]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, source: ids[k]!, target: ids[j]!, type, properties: {}, sources: [] });
    }
  }
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes: GraphNode[] = ids.map((id, k) => {
    const type = pickType(random);
    // One in ten has more relationships in the database than on screen: a "+N" line and a dashed border.
    const extra = random() < 0.1 ? 1 + Math.floor(random() * 40) : 0;
    const name = k % 7 === 0 ? `${type} number ${k} with a rather long official name` : `${type} ${k}`;
    return { id, type, name, degree: (degree.get(id) ?? 0) + extra };
  });
  return { graph: { nodes, edges }, positions };
}

/** A layout input shaped like an opened link: one big first batch, random tree plus cross links. */
export function layoutInput(nodeCount: number, edgeCount: number, seed: number): LayoutInput {
  const random = mulberry32(seed);
  const ids = Array.from({ length: nodeCount }, (_, k) => `s${seed}:${k}`);
  const edges: LayoutInput['edges'] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    edges.push({ source: ids[a]!, target: ids[b]! });
  };
  // Preferential attachment for the tree (a few hubs, many leaves), then cross links.
  for (let k = 1; k < nodeCount; k++) add(k, Math.floor(random() * random() * k));
  while (edges.length < edgeCount) add(Math.floor(random() * nodeCount), Math.floor(random() * nodeCount));
  return { batches: [ids], edges, layout: 'force' };
}

type Variant = 'today' | 'new' | 'new-canvas';

interface Mounted { cy: Core; firstDrawMs: number; mode: string; webgl: boolean }

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Creates the canvas the way the app does (graph-canvas.tsx), plus the variant's renderer options. */
async function mount(variant: Variant, nodeCount: number, edgeCount: number): Promise<Mounted> {
  const { graph, positions } = syntheticView(nodeCount, edgeCount);
  const elements = toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set() });
  const container = document.getElementById('cy')!;
  const base: CytoscapeOptions = { container, elements, ...CANVAS_OPTIONS };
  let style: StylesheetJson = graphStylesheet();
  let options: CytoscapeOptions = base;
  let choice: ReturnType<typeof renderOptions> | null = null;
  if (variant !== 'today') {
    choice = renderOptions({ nodes: graph.nodes.length, edges: graph.edges.length, webglAvailable: variant === 'new' && webglAvailable({ allowSoftware: true }) });
    style = [...graphStylesheet(), ...levelOfDetailStyle(choice)];
    options = { ...base, ...choice.options, ...(window.benchRenderOverride ?? {}) };
  }
  const start = performance.now();
  const cy = cytoscape({ ...options, style });
  // As the app's canvas does (graph-canvas.tsx); BENCH_FAST_BB=0 measures without it.
  if (variant !== 'today' && window.benchFastBoundingBox !== false) installFastBoundingBox(cy);
  if (choice) applyLevelOfDetail(cy, choice);
  cy.fit(undefined, 40);
  const renderer = (cy as unknown as { renderer(): unknown }).renderer() as { redrawCount?: number };
  while (!renderer.redrawCount) await nextFrame();
  return { cy, firstDrawMs: performance.now() - start, mode: choice?.mode ?? 'detail', webgl: Boolean(options.webgl) };
}

/** Where model point (0, 0), the empty middle of the spiral, is on screen (client coordinates). */
function holeOnScreen(cy: Core): { x: number; y: number } {
  const box = cy.container()!.getBoundingClientRect();
  return { x: box.left + cy.pan().x, y: box.top + cy.pan().y };
}

function mouse(target: EventTarget, type: string, x: number, y: number): void {
  target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, view: window }));
}

/** One action per animation frame; returns the frame intervals (ms). */
async function perFrame(actions: Array<() => void>): Promise<number[]> {
  const intervals: number[] = [];
  let last = await nextFrame();
  for (const action of actions) {
    action();
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
  }
  return intervals;
}

/** A drag on the background along a circle (pans every direction and comes back), `frames` moves long. */
function dragCircle(cy: Core, frames: number, radius: number): Array<() => void> {
  const canvas = cy.container()!.querySelector('canvas')!;
  let origin = { x: 0, y: 0 };
  const actions: Array<() => void> = [() => {
    origin = holeOnScreen(cy);
    mouse(canvas, 'mousedown', origin.x, origin.y);
  }];
  for (let i = 1; i <= frames; i++) {
    const a = (2 * Math.PI * i) / frames;
    actions.push(() => mouse(canvas, 'mousemove', origin.x + radius * Math.sin(a), origin.y + radius * (1 - Math.cos(a))));
  }
  actions.push(() => mouse(canvas, 'mouseup', origin.x, origin.y));
  return actions;
}

/** Wheel steps centred on the empty middle; deltas vary so Cytoscape treats them as a precise wheel. */
function wheel(cy: Core, frames: number, direction: 1 | -1): Array<() => void> {
  const canvas = cy.container()!.querySelector('canvas')!;
  return Array.from({ length: frames }, (_, i) => () => {
    const at = holeOnScreen(cy);
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: direction * (28 + (i % 4)), deltaMode: 0, clientX: at.x, clientY: at.y, bubbles: true, cancelable: true }));
  });
}

export interface FrameResult {
  variant: Variant;
  mode: string;
  webgl: boolean;
  firstDrawMs: number;
  frames: number;
  fps: number;
  p95FrameMs: number;
  worstFrameMs: number;
  draws: number;
  /** Mean time Cytoscape spent in one draw call on the page's thread (the GPU's share is not in it). */
  drawMs: number;
  zoomRange: [number, number];
}

/** Pan at the fitted zoom, zoom in to reading distance, pan there, zoom back out; frames per second over all of it. */
async function panZoom(variant: Variant, nodeCount: number, edgeCount: number): Promise<FrameResult> {
  const { cy, firstDrawMs, mode, webgl } = await mount(variant, nodeCount, edgeCount);
  const renderer = (cy as unknown as { renderer(): unknown }).renderer() as { redrawCount: number; redrawTotalTime: number };
  // Let the first frames settle (texture caches warm up) before measuring.
  for (let i = 0; i < 10; i++) await nextFrame();
  const zooms = [cy.zoom()];
  cy.on('zoom', () => zooms.push(cy.zoom()));
  const drawsBefore = renderer.redrawCount;
  const drawTimeBefore = renderer.redrawTotalTime;
  const started = performance.now();
  const intervals = await perFrame([
    ...dragCircle(cy, 40, 160),
    ...wheel(cy, 35, -1),
    ...dragCircle(cy, 40, 160),
    ...wheel(cy, 35, 1),
  ]);
  const elapsed = performance.now() - started;
  const draws = renderer.redrawCount - drawsBefore;
  const drawMs = (renderer.redrawTotalTime - drawTimeBefore) / Math.max(1, draws);
  cy.destroy();
  const sorted = [...intervals].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    variant,
    mode,
    webgl,
    firstDrawMs: Math.round(firstDrawMs),
    frames: intervals.length,
    fps: round((intervals.length * 1000) / elapsed),
    p95FrameMs: round(sorted[Math.ceil(0.95 * sorted.length) - 1]!),
    worstFrameMs: round(sorted[sorted.length - 1]!),
    draws,
    drawMs: round(drawMs),
    zoomRange: [Math.round(Math.min(...zooms) * 1000) / 1000, Math.round(Math.max(...zooms) * 1000) / 1000],
  };
}

export interface DrawCost { variant: Variant; mode: string; fittedMs: number; zoomedMs: number; nodesOnlyMs: number }

/**
 * What one full redraw of the view costs (the frame at the end of every gesture): at the fitted
 * zoom, at reading zoom (1.0, most elements off screen), and at the fitted zoom with edges hidden,
 * to tell nodes' share from edges'. Median of five forced synchronous redraws each.
 */
async function drawCost(variant: Variant, nodeCount: number, edgeCount: number): Promise<DrawCost> {
  const { cy, mode } = await mount(variant, nodeCount, edgeCount);
  for (let i = 0; i < 10; i++) await nextFrame();
  const r = (cy as unknown as { renderer(): { redrawHint(k: string, v: boolean): void; render(o?: object): void } }).renderer();
  const time = () => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      r.redrawHint('eles', true);
      r.redrawHint('drag', true);
      const start = performance.now();
      r.render();
      runs.push(performance.now() - start);
    }
    return Math.round(runs.sort((a, b) => a - b)[2]! * 10) / 10;
  };
  const fittedMs = time();
  const fitted = { zoom: cy.zoom(), pan: cy.pan() };
  cy.zoom({ level: 1, position: { x: 0, y: 0 } });
  const zoomedMs = time();
  cy.viewport(fitted);
  cy.edges().style('display', 'none');
  const nodesOnlyMs = time();
  cy.destroy();
  return { variant, mode, fittedMs, zoomedMs, nodesOnlyMs };
}

export interface LayoutResult { where: 'main thread' | 'worker'; runsMs: number[]; longestStallMs: number; error?: string }

/**
 * Times the app's computeLayout on `runs` different graphs of one size (after one warm-up run, which
 * also starts the worker), and the page's longest frame meanwhile: what a user would feel as a freeze.
 */
async function layoutTimes(where: LayoutResult['where'], nodeCount: number, edgeCount: number, runs: number): Promise<LayoutResult> {
  const client = where === 'worker' ? createLayoutClient(() => new Worker('/layout.worker.js', { type: 'module' })) : null;
  const runsMs: number[] = [];
  let longestStallMs = 0;
  for (let run = -1; run < runs; run++) {
    // A different graph each run, so the layout's cache never answers.
    const input = layoutInput(nodeCount, edgeCount, 1000 + run);
    let watching = true;
    let last = performance.now();
    const watch = (now: number) => {
      longestStallMs = Math.max(longestStallMs, now - last);
      last = now;
      if (watching) requestAnimationFrame(watch);
    };
    await nextFrame();
    last = performance.now();
    requestAnimationFrame(watch);
    const start = performance.now();
    let positions: Positions;
    try {
      positions = client ? await client.layout(input) : computeLayout(input);
    } catch (error) {
      watching = false;
      client?.dispose();
      return { where, runsMs, longestStallMs: Math.round(longestStallMs), error: error instanceof Error ? error.message : String(error) };
    }
    const ms = Math.round(performance.now() - start);
    await nextFrame();
    watching = false;
    if (run < 0) longestStallMs = 0;
    else runsMs.push(ms);
    if (Object.keys(positions).length !== nodeCount) throw new Error(`layout placed ${Object.keys(positions).length} of ${nodeCount}`);
  }
  client?.dispose();
  return { where, runsMs, longestStallMs: Math.round(longestStallMs) };
}

declare global {
  interface Window {
    /** BENCH_RENDER: renderer options tried on top of renderOptions' choice (experiments). */
    benchRenderOverride?: Partial<CytoscapeOptions>;
    benchFastBoundingBox?: boolean;
    bench: {
      webglAvailable: () => boolean;
      panZoom: typeof panZoom;
      drawCost: typeof drawCost;
      layoutTimes: typeof layoutTimes;
      mount: typeof mount;
    };
  }
}

window.bench = { webglAvailable: () => webglAvailable({ allowSoftware: true }), panZoom, drawCost, layoutTimes, mount };
