import { parentPort } from 'node:worker_threads';
import { tasks, type TaskName } from './tasks';

/**
 * Worker thread entry (bundled by next.config.js into `.workers/heavy.worker.cjs`): runs one task at
 * a time for lib/workers/pool.ts and answers with its result or its error message.
 */
interface Job { id: number; task: TaskName; input: unknown }

parentPort?.on('message', async ({ id, task, input }: Job) => {
  try {
    const result = await (tasks[task] as (input: unknown) => unknown)(input);
    const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ id, ok: true, result }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
