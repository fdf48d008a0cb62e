import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerBusyError, WorkerPool } from './pool';

// A worker that busy-waits for the given ms (like a layout would) and answers with its thread id.
const dir = mkdtempSync(path.join(tmpdir(), 'pool-'));
const file = path.join(dir, 'worker.cjs');
writeFileSync(file, `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, task, input }) => {
  if (task === 'fail') return parentPort.postMessage({ id, ok: false, error: 'no' });
  const end = Date.now() + input;
  while (Date.now() < end) {}
  parentPort.postMessage({ id, ok: true, result: threadId });
});`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WorkerPool', () => {
  it('runs jobs off the main thread, in parallel up to its size', async () => {
    const pool = new WorkerPool({ file, size: 2, queueTimeoutMs: 5_000, taskTimeoutMs: 5_000 });
    try {
      const threads = await Promise.all([pool.run<number>('spin', 200), pool.run<number>('spin', 200)]);
      expect(new Set(threads).size).toBe(2);
      expect(threads).not.toContain(0);
      await expect(pool.run('fail', 0)).rejects.toThrow('no');
    } finally {
      await pool.close();
    }
  });

  it('refuses a job that waited past the queue deadline with ServerBusyError, and keeps working', async () => {
    const pool = new WorkerPool({ file, size: 1, queueTimeoutMs: 100, taskTimeoutMs: 5_000 });
    try {
      const long = pool.run('spin', 600);
      const waiting = pool.run('spin', 10);
      await expect(waiting).rejects.toBeInstanceOf(ServerBusyError);
      await expect(waiting).rejects.toMatchObject({ retryAfterSeconds: 1 });
      await long;
      expect(await pool.run<number>('spin', 1)).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker whose job runs past the task timeout', async () => {
    const pool = new WorkerPool({ file, size: 1, queueTimeoutMs: 10_000, taskTimeoutMs: 1_500 });
    try {
      await expect(pool.run('spin', 20_000)).rejects.toBeInstanceOf(ServerBusyError);
      expect(await pool.run<number>('spin', 1)).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
