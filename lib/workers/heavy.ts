import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { appEnv } from '../env';
import { onShutdown, processWide } from '../server-seam';
import type { AnalysisSettings, MetricsInput, ViewStyle } from '../analysis/settings';
import type { LayoutInput, Positions } from '../layout/compute-layout';
import { WorkerPool } from './pool';
import { tasks, type PreviewCard } from './tasks';

/**
 * Layout and preview rendering off the event loop. next.config.js bundles heavy.worker.ts into
 * `.workers/heavy.worker.cjs` whenever Next loads its config (build, start, dev); the pool runs it in
 * WORKER_POOL_SIZE threads (default: cores - 1). Without that file (unit tests calling handlers
 * directly) or with WORKER_POOL_SIZE=0, the same functions run in-process.
 */
const WORKER_FILE = path.join(process.cwd(), '.workers', 'heavy.worker.cjs');

interface State { pool: WorkerPool | null; layouts: Map<string, Promise<Positions>> }

function state(): State {
  return processWide('worker-pool', (): State => {
    const env = appEnv();
    const size = env.WORKER_POOL_SIZE ?? Math.max(1, availableParallelism() - 1);
    let pool: WorkerPool | null = null;
    if (size > 0 && existsSync(WORKER_FILE)) {
      pool = new WorkerPool({ file: WORKER_FILE, size, queueTimeoutMs: env.WORKER_QUEUE_TIMEOUT_MS, taskTimeoutMs: env.WORKER_TASK_TIMEOUT_MS });
      onShutdown('worker-pool', () => pool!.close());
      // Start every worker now with a tiny job: loading Cytoscape, satori and the PNG encoder takes
      // seconds on a busy machine, better spent before the first real preview than during it.
      const tiny: PreviewCard = { graph: { nodes: [], edges: [] }, positions: {}, title: '', subtitle: '' };
      for (let i = 0; i < size; i++) pool.run('preview', tiny).catch(() => undefined);
    } else if (size > 0) {
      console.warn(`[workers] ${path.relative(process.cwd(), WORKER_FILE)} is missing (built by next build); layout and previews run on the main thread.`);
    }
    return { pool, layouts: new Map() };
  });
}

const LAYOUT_CACHE_SIZE = 500;

/**
 * computeLayout in a worker, same input and output. Results are shared: identical inputs (the same
 * link opened by many people, a page and its preview) are computed once, including concurrently.
 */
export function pooledLayout(input: LayoutInput): Promise<Positions> {
  const { pool, layouts } = state();
  const key = createHash('sha1').update(JSON.stringify([input.layout ?? 'force', input.batches, input.edges.map((e) => [e.source, e.target]),
    input.sizes ?? null, input.layout === 'map' ? input.nodes ?? null : null])).digest('base64url');
  const hit = layouts.get(key);
  if (hit) {
    layouts.delete(key);
    layouts.set(key, hit);
    return hit;
  }
  const plain: LayoutInput = {
    batches: input.batches, edges: input.edges.map((e) => ({ source: e.source, target: e.target })), layout: input.layout, sizes: input.sizes,
    nodes: input.nodes?.map(({ id, name, type }) => ({ id, name, type })),
  };
  const result = pool ? pool.run<Positions>('layout', plain) : Promise.resolve().then(() => tasks.layout(plain));
  layouts.set(key, result);
  result.catch(() => layouts.delete(key));
  while (layouts.size > LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value!);
  return result;
}

const ANALYSIS_CACHE_SIZE = 200;
const analyses = new Map<string, Promise<ViewStyle>>();

/**
 * A view's sizes and colours (lib/analysis/view-style.ts) in a worker: PageRank and Louvain on
 * 5,000 entities take a few hundred milliseconds, too long for the event loop. Cached by the
 * input's key (filterView), so a page and its preview image compute it once.
 */
export function pooledAnalysis(key: string, input: MetricsInput, settings: AnalysisSettings): Promise<ViewStyle> {
  const hit = analyses.get(key);
  if (hit) return hit;
  const { pool } = state();
  const result = pool ? pool.run<ViewStyle>('analysis', { input, settings }) : Promise.resolve().then(() => tasks.analysis({ input, settings }));
  analyses.set(key, result);
  result.catch(() => analyses.delete(key));
  while (analyses.size > ANALYSIS_CACHE_SIZE) analyses.delete(analyses.keys().next().value!);
  return result;
}

/** A share preview PNG, rendered in a worker. */
export function pooledPreview(card: PreviewCard): Promise<Uint8Array> {
  const { pool } = state();
  return pool ? pool.run<Uint8Array>('preview', card) : tasks.preview(card);
}
