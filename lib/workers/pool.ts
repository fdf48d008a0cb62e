import { Worker } from 'node:worker_threads';
import { DataError, isDataError } from '../db/errors';

/**
 * A bounded pool of worker threads with a queue deadline. Heavy work (layout, preview images) runs
 * here so the event loop stays free for everything else; when every worker is busy and a job has
 * waited `queueTimeoutMs`, it fails with ServerBusyError (HTTP 503 + Retry-After) instead of queueing
 * without end. A job running past `taskTimeoutMs` has its worker replaced.
 */

/**
 * Too much heavy work at once. A DataError (code server_busy) so that code which already degrades
 * gracefully when the database cannot answer (a page opening without its server-drawn view) does
 * the same here; HTTP answers map it to 503 with Retry-After.
 */
export class ServerBusyError extends DataError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super('server_busy', message);
  }

  /** Any bundle's copy (see DataError): a DataError that says the server is busy and when to retry. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isDataError(value) && value.code === 'server_busy' && typeof (value as { retryAfterSeconds?: unknown }).retryAfterSeconds === 'number';
  }
}

export interface PoolOptions {
  file: string;
  size: number;
  queueTimeoutMs: number;
  taskTimeoutMs: number;
  /** Jobs waiting at most; beyond it new jobs are refused at once. */
  maxQueue?: number;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private readonly running = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  get stats() {
    return { workers: this.workers.size, busy: this.running.size, queued: this.queue.length };
  }

  private get retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.queueTimeoutMs / 1000));
  }

  run<T>(task: string, input: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new ServerBusyError('The server is shutting down.', this.retryAfter));
    if (this.queue.length >= (this.options.maxQueue ?? this.options.size * 64)) {
      return Promise.reject(new ServerBusyError('The server is busy drawing other views; try again shortly.', this.retryAfter));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, input, resolve: resolve as (value: unknown) => void, reject };
      job.timer = setTimeout(() => {
        const at = this.queue.indexOf(job);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new ServerBusyError('The server is busy drawing other views; try again shortly.', this.retryAfter));
      }, this.options.queueTimeoutMs);
      this.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.workers.size < this.options.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      const job = this.queue.shift()!;
      clearTimeout(job.timer);
      job.timer = setTimeout(() => {
        // Stuck or far too big: this worker's answer no longer matters; a fresh one takes its place.
        this.finish(worker, job, new ServerBusyError('Drawing this view took too long.', this.retryAfter));
        void worker.terminate();
      }, this.options.taskTimeoutMs);
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task, input: job.input });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.file);
    worker.unref();
    this.workers.add(worker);
    worker.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const job = this.running.get(worker);
      if (!job || job.id !== message.id) return;
      this.finish(worker, job, message.ok ? null : new Error(message.error), message.result);
      this.idle.push(worker);
      this.pump();
    });
    const gone = (error?: Error) => {
      this.workers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const job = this.running.get(worker);
      if (job) this.finish(worker, job, error ?? new Error('The worker stopped.'));
      if (!this.closed) this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    return worker;
  }

  private finish(worker: Worker, job: Job, error: Error | null, result?: unknown): void {
    if (this.running.get(worker) !== job) return;
    this.running.delete(worker);
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(result);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(new ServerBusyError('The server is shutting down.', this.retryAfter));
    }
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}
