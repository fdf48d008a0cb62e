import type { Core } from 'cytoscape';

/**
 * A faster `ele.boundingBox()` for the case the canvas renderer asks for on every element of every
 * frame: one element, default options, nothing changed since it was last measured.
 *
 * Cytoscape (3.34/3.35) answers that case from the element's cached box, but first builds a new
 * memoized closure on every call to decide whether the cache is still good (keyed by the element's
 * id, through `arguments`). For a 25,000-element view that bookkeeping was over half of each full
 * redraw in a browser profile (bench:view, `BENCH_PARTS=draw`). This wrapper keeps the same rule
 * (the cached box is good while the element's style is clean and its rounded position, or its
 * endpoints' for an edge, is unchanged) with a plain comparison, and otherwise calls the original,
 * which recomputes as before. It returns the very object the original would.
 */

interface Snapshot {
  box: unknown;
  a: number;
  b: number;
  c: number;
  d: number;
}

interface Private {
  bbCache: { x1: number; y1: number; x2: number; y2: number; w: number; h: number } | null;
  styleDirty: boolean;
  group: 'nodes' | 'edges';
  position: { x: number; y: number };
  source?: { [0]: { _private: { position: { x: number; y: number } } } };
  target?: { [0]: { _private: { position: { x: number; y: number } } } };
  fastBox?: Snapshot;
}

type BoundingBox = (this: ArrayLike<{ _private: Private }>, options?: unknown) => unknown;

const PATCHED = Symbol.for('graph-explorer.fast-bounding-box');

function endpoints(p: Private): [number, number, number, number] | null {
  if (p.group === 'nodes') return [Math.round(p.position.x), Math.round(p.position.y), 0, 0];
  const s = p.source?.[0]?._private.position;
  const t = p.target?.[0]?._private.position;
  if (!s || !t) return null;
  return [Math.round(s.x), Math.round(s.y), Math.round(t.x), Math.round(t.y)];
}

/** Installs the wrapper on Cytoscape's collection prototype (once per page; every instance shares it). */
export function installFastBoundingBox(cy: Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as { boundingBox: BoundingBox; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const original = proto.boundingBox;
  proto.boundingBox = function boundingBox(options) {
    if (options !== undefined || this.length !== 1) return original.call(this, options);
    const p = this[0]!._private;
    const snap = p.fastBox;
    if (snap && p.bbCache !== null && snap.box === p.bbCache && !p.styleDirty) {
      const at = endpoints(p);
      if (at && at[0] === snap.a && at[1] === snap.b && at[2] === snap.c && at[3] === snap.d) return p.bbCache;
    }
    const box = original.call(this, options);
    const at = endpoints(p);
    // The original has just made the cache match the element as it is now: remember what it saw.
    p.fastBox = at && box === p.bbCache ? { box, a: at[0], b: at[1], c: at[2], d: at[3] } : undefined;
    return box;
  };
  proto[PATCHED] = true;
}
