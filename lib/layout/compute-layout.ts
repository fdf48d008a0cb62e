import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hashString, withSeededRandom } from './seeded-random';
import { DEFAULT_NODE_SIZE, freeSpot, gridOf, separate } from './spacing';

/**
 * The deterministic layout behind deep links. A view is a list of batches (the entities shown
 * first, then each exploration step's additions). Batch 0 gets a full fCoSE layout; every later
 * batch starts next to the entity it was reached from and is relaxed by fCoSE with all earlier
 * entities fixed. Same batches and edges in, same positions out, on the server and in any browser;
 * and an expansion never moves what is already on screen. No two entities ever overlap: each batch
 * starts in free space around its anchor, and a final pass moves the batch's entities apart.
 */

export type Point = { x: number; y: number };
export type Positions = Record<string, Point>;
export interface LayoutEdge { source: string; target: string }
export type LayoutName = 'force' | 'circle' | 'grid' | 'map';

let registered = false;
function ensureFcose(): void {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
}

const NODE_SIZE = DEFAULT_NODE_SIZE;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const round = (value: number) => Math.round(value * 100) / 100;

/** Sunflower (Vogel) spiral: the k-th point never depends on how many follow, so pages stack neatly. */
function spiral(center: Point, k: number, inner: number, step: number, turn = 0): Point {
  const radius = inner + step * Math.sqrt(k);
  const angle = turn + k * GOLDEN_ANGLE;
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

function headless(ids: string[], edges: LayoutEdge[], positions: Positions, sizes?: Record<string, number>): Core {
  const present = new Set(ids);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...ids.map((id) => ({ group: 'nodes' as const, data: { id, size: sizes?.[id] ?? NODE_SIZE } })),
      ...edges.filter((e) => present.has(e.source) && present.has(e.target) && e.source !== e.target)
        .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  // Positions in element JSON are ignored by headless instances, so they are set afterwards.
  cy.nodes().forEach((node) => {
    const p = positions[node.id()];
    if (p) node.position({ ...p });
  });
  return cy;
}

/**
 * Above this many entities in one batch, fCoSE takes seconds (its 'draft' quality needs a random
 * start and piles nodes up), so a big batch keeps its free-space spiral placement instead.
 */
const FORCE_MAX_BATCH = 300;

function runFcose(cy: Core, fixed: string[], positions: Positions, seed: number): void {
  const options = {
    name: 'fcose',
    quality: 'default',
    randomize: false,
    animate: false,
    fit: false,
    packComponents: false,
    nodeRepulsion: 16000,
    idealEdgeLength: 150,
    edgeElasticity: 0.35,
    gravity: 0.2,
    numIter: 2500,
    fixedNodeConstraint: fixed.length > 0 ? fixed.map((nodeId) => ({ nodeId, position: { ...positions[nodeId]! } })) : undefined,
  };
  withSeededRandom(seed, () => cy.layout(options as cytoscape.LayoutOptions).run());
}

function neighborsOf(edges: LayoutEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const { source, target } of edges) {
    add(source, target);
    add(target, source);
  }
  return map;
}

/**
 * Places one batch's new entities in free space: around the already placed neighbour they were
 * reached from (their anchor), or, when nothing on screen links to them, outside the picture.
 */
function seedBatch(batch: string[], placed: Positions, order: Map<string, number>, adjacency: Map<string, string[]>, sizes: Record<string, number> | undefined): void {
  const inBatch = new Set(batch);
  const box = Object.values(placed).reduce((b, p) => ({ minX: Math.min(b.minX, p.x), maxX: Math.max(b.maxX, p.x), minY: Math.min(b.minY, p.y), maxY: Math.max(b.maxY, p.y) }),
    { minX: 0, maxX: 0, minY: 0, maxY: 0 });
  const { grid } = gridOf(placed, sizes);
  for (const id of batch) {
    const anchor = (adjacency.get(id) ?? []).filter((n) => placed[n] && !inBatch.has(n))
      .sort((a, b) => (order.get(a)! - order.get(b)!) || a.localeCompare(b))[0];
    const size = sizes?.[id] ?? NODE_SIZE;
    const p = anchor
      ? freeSpot(placed[anchor]!, size, placed, sizes, { inner: 90, step: 30, turn: hashString(anchor) % 360, grid })
      : freeSpot({ x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }, size, placed, sizes,
        { inner: Math.max(box.maxX - box.minX, box.maxY - box.minY) / 2 + 120, step: 24, turn: 0, grid });
    placed[id] = p;
    grid.add(id, p);
  }
}

export interface LayoutInput {
  batches: string[][];
  edges: LayoutEdge[];
  layout?: LayoutName;
  /** Diameter of each entity on the canvas (default 40): entities are kept apart by their size. */
  sizes?: Record<string, number>;
  /** Names and types, for layouts that place by meaning (the world map places countries). */
  nodes?: { id: string; name: string; type: string }[];
}

// Positions after each prefix of batches. A prefix's result depends only on its own batches and the
// edges among them, so an expansion (one more batch) lays out just the new batch. Keyed by content.
const PREFIX_CACHE_SIZE = 300;
const prefixCache = new Map<string, Positions>();

/**
 * Records positions already computed elsewhere (the server's first render) as the result for these
 * batches, so the browser's next step lays out only the new batch instead of replaying them all.
 */
export function rememberLayout(batches: string[][], edges: LayoutEdge[], positions: Positions, sizes?: Record<string, number>): void {
  const nonEmpty = batches.filter((b) => b.length > 0);
  if (nonEmpty.length > 0 && nonEmpty.flat().every((id) => positions[id])) prefixCache.set(prefixKey(nonEmpty, edges, sizes), { ...positions });
}

/** Forgets cached prefixes (tests use it to compare fresh computations). */
export function clearLayoutCache(): void {
  prefixCache.clear();
}

function prefixKey(batches: string[][], edges: LayoutEdge[], sizes?: Record<string, number>): string {
  const ids = new Set(batches.flat());
  const inside = edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => `${e.source}>${e.target}`).sort();
  const batchText = batches.map((b) => [...b].sort().map((id) => `${id}#${sizes?.[id] ?? NODE_SIZE}`).join(',')).join('~');
  return `${ids.size}:${hashString(batchText)}:${hashString(batchText.split('').reverse().join(''))}:${hashString(inside.join(','))}`;
}

type MapLayout = (nodes: { id: string; name: string; type: string }[], edges: LayoutEdge[]) => Positions;
let mapLayoutImpl: MapLayout | null = null;

/**
 * The world-map layout lives in its own module (it carries the atlas): whoever may lay out a map
 * view hands it over first, the server at start-up, the browser's layout worker on first use.
 */
export function provideMapLayout(layout: MapLayout): void {
  mapLayoutImpl = layout;
}

export function mapLayoutLoaded(): boolean {
  return mapLayoutImpl !== null;
}

/** Positions for every entity of every batch, rounded to 0.01 so they serialise identically. */
export function computeLayout({ batches, edges, layout = 'force', sizes, nodes }: LayoutInput): Positions {
  ensureFcose();
  const all = batches.flat();
  if (layout === 'circle' || layout === 'grid') return staticLayout(all, layout, sizes);
  if (layout === 'map') {
    if (!mapLayoutImpl) throw new Error('The map layout is not loaded.');
    const known = new Map((nodes ?? []).map((n) => [n.id, n]));
    const placed = mapLayoutImpl(all.map((id) => known.get(id) ?? { id, name: id, type: '' }), edges);
    // Countries sit at their geographic point; hubs are bigger than the map's spacing allows for.
    separate(placed, all, sizes);
    for (const id of all) if (placed[id]) placed[id] = { x: round(placed[id].x), y: round(placed[id].y) };
    return placed;
  }
  const order = new Map<string, number>();
  batches.forEach((batch, index) => batch.forEach((id) => order.set(id, index)));
  const adjacency = neighborsOf(edges);
  let placed: Positions = {};
  const done: string[] = [];
  batches.forEach((rawBatch, index) => {
    const batch = [...rawBatch].sort();
    if (batch.length === 0) return;
    const key = prefixKey(batches.slice(0, index + 1).filter((b) => b.length > 0), edges, sizes);
    const cached = prefixCache.get(key);
    if (cached) {
      placed = { ...cached };
    } else {
      const big = batch.length > FORCE_MAX_BATCH;
      if (index === 0 || done.length === 0) {
        // A big first view: the largest (most connected) entities in the middle of the spiral.
        const ordered = big ? [...batch].sort((a, b) => (sizes?.[b] ?? NODE_SIZE) - (sizes?.[a] ?? NODE_SIZE) || a.localeCompare(b)) : batch;
        ordered.forEach((id, k) => { placed[id] = spiral({ x: 0, y: 0 }, k, 0, big ? 52 : 45); });
      } else {
        seedBatch(batch, placed, order, adjacency, sizes);
      }
      if (!big) {
        const cy = headless([...done, ...batch], edges, placed, sizes);
        runFcose(cy, [...done], placed, hashString(batch.join(',')));
        // Earlier batches keep their exact positions (fCoSE returns fixed nodes with float drift).
        for (const id of batch) placed[id] = { ...cy.$id(id).position() };
        cy.destroy();
      }
      separate(placed, batch, sizes);
      for (const id of batch) placed[id] = { x: round(placed[id]!.x), y: round(placed[id]!.y) };
      prefixCache.set(key, { ...placed });
      if (prefixCache.size > PREFIX_CACHE_SIZE) prefixCache.delete(prefixCache.keys().next().value!);
    }
    done.push(...batch);
  });
  return placed;
}

/** Circle and grid ignore history: sorted ids, fixed geometry, spaced by the largest entity. */
function staticLayout(ids: string[], layout: 'circle' | 'grid', sizes?: Record<string, number>): Positions {
  const sorted = [...ids].sort();
  const largest = Math.max(NODE_SIZE, ...sorted.map((id) => sizes?.[id] ?? NODE_SIZE));
  const positions: Positions = {};
  if (layout === 'circle') {
    const radius = Math.max(120, (sorted.length * (largest + 30)) / (2 * Math.PI));
    sorted.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, sorted.length) - Math.PI / 2;
      positions[id] = { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) };
    });
  } else {
    const columns = Math.max(1, Math.ceil(Math.sqrt(sorted.length * 0.6)));
    sorted.forEach((id, i) => { positions[id] = { x: (i % columns) * Math.max(150, largest + 90), y: Math.floor(i / columns) * Math.max(90, largest + 40) }; });
  }
  return positions;
}
