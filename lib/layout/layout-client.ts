import type { LayoutEdge, LayoutInput, Positions } from './compute-layout';

/**
 * Layout off the main thread: `layoutOffThread` sends the input to one shared module worker
 * (`layout.worker.ts`) and resolves with its positions, so a big view's layout does not freeze
 * panning, typing or the server-drawn picture. Where `Worker` does not exist (old browsers, tests,
 * the server) it runs `computeLayout` here instead; the result is the same either way.
 */

export type LayoutRequest =
  | { id: number; input: LayoutInput }
  | { remember: { batches: string[][]; edges: LayoutEdge[]; positions: Positions; sizes?: Record<string, number> | undefined } };
export type LayoutReply = { id: number; positions: Positions } | { id: number; error: string };

/** The part of a Worker the client uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: LayoutRequest): void;
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike | null;

/**
 * The URL must be written inline in `new Worker(new URL(..., import.meta.url))`: that is the form
 * bundlers recognise and turn into a separate worker chunk.
 */
const browserWorker: WorkerFactory = () => (typeof Worker === 'undefined'
  ? null
  : new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);

export interface LayoutClient {
  layout(input: LayoutInput): Promise<Positions>;
  /** Hands positions computed elsewhere to the worker's cache (see `rememberLayout`). */
  remember(batches: string[][], edges: LayoutEdge[], positions: Positions, sizes?: Record<string, number>): void;
  /** Stops the worker; pending layouts are rejected. */
  dispose(): void;
}

/** A client bound to one worker, created on first use. `createWorker` returning null means: no worker here. */
export function createLayoutClient(createWorker: WorkerFactory = browserWorker): LayoutClient {
  let worker: WorkerLike | null | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const connect = (): WorkerLike | null => {
    if (worker !== undefined) return worker;
    try {
      worker = createWorker();
    } catch {
      worker = null; // e.g. a page whose security policy forbids workers
    }
    if (!worker) return worker;
    worker.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return; // a reply for a layout nobody waits for any more
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`Layout failed: ${reply.error}`));
      else waiting.resolve(reply.positions);
    };
    worker.onerror = (event) => {
      // The worker is unusable (it failed to load or crashed): fail what waits, start afresh next time.
      failAll(new Error(`Layout worker failed: ${event.message || 'unknown error'}`));
      worker?.terminate();
      worker = undefined;
    };
    return worker;
  };

  return {
    async layout(input) {
      const target = connect();
      if (!target) {
        const { computeLayout, mapLayoutLoaded, provideMapLayout } = await import('./compute-layout');
        if (input.layout === 'map' && !mapLayoutLoaded()) provideMapLayout((await import('./map-layout')).mapLayout);
        return computeLayout(input);
      }
      const id = nextId++;
      return new Promise<Positions>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, input });
      });
    },
    remember(batches, edges, positions, sizes) {
      const target = connect();
      if (target) target.postMessage({ remember: { batches, edges, positions, sizes } });
      else void import('./compute-layout').then(({ rememberLayout }) => rememberLayout(batches, edges, positions, sizes));
    },
    dispose() {
      failAll(new Error('Layout worker stopped'));
      worker?.terminate();
      worker = undefined;
    },
  };
}

let shared: LayoutClient | undefined;

/** Positions for a view, computed in the page's layout worker (or here when there is none). */
export function layoutOffThread(input: LayoutInput): Promise<Positions> {
  shared ??= createLayoutClient();
  return shared.layout(input);
}

/** Seeds the layout worker's cache with positions the server already computed. */
export function rememberLayoutOffThread(batches: string[][], edges: LayoutEdge[], positions: Positions, sizes?: Record<string, number>): void {
  shared ??= createLayoutClient();
  shared.remember(batches, edges, positions, sizes);
}
