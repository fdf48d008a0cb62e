import type { AnalysisSettings, MetricsInput, ViewStyle } from './settings';

/**
 * The analysis off the main thread, as the layout is (lib/layout/layout-client.ts): one module
 * worker for the page, created on first use; where workers do not exist the same function runs
 * here (the result is the same). The graph library loads only with the worker.
 */

export type AnalysisRequest = { id: number; input: MetricsInput; settings: AnalysisSettings };
export type AnalysisReply = { id: number; style: ViewStyle } | { id: number; error: string };

interface WorkerLike {
  postMessage(message: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

// Written inline so bundlers see it and emit the worker as a chunk of its own.
const browserWorker = (): WorkerLike | null => (typeof Worker === 'undefined'
  ? null
  : new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);

let worker: WorkerLike | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (style: ViewStyle) => void; reject: (error: Error) => void }>();

function connect(): WorkerLike | null {
  if (worker !== undefined) return worker;
  try {
    worker = browserWorker();
  } catch {
    worker = null; // a security policy that forbids workers
  }
  if (!worker) return worker;
  worker.onmessage = (event) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(`Analysis failed: ${reply.error}`));
    else waiting.resolve(reply.style);
  };
  worker.onerror = (event) => {
    for (const { reject } of pending.values()) reject(new Error(`Analysis worker failed: ${event.message || 'unknown error'}`));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

/** Sizes and colours for a view, computed in the page's analysis worker (or here when there is none). */
export async function analyseOffThread(input: MetricsInput, settings: AnalysisSettings): Promise<ViewStyle> {
  const target = connect();
  if (!target) return (await import('./view-style')).styleView(input, settings);
  const id = nextId++;
  return new Promise<ViewStyle>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, input, settings });
  });
}
