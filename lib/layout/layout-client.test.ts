import { describe, expect, it } from 'vitest';
import { clearLayoutCache, computeLayout, type LayoutInput } from './compute-layout';
import { createLayoutClient, type LayoutReply, type LayoutRequest, type WorkerLike } from './layout-client';

const input: LayoutInput = {
  batches: [['a', 'b', 'c'], ['d', 'e']],
  edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'a', target: 'd' }, { source: 'a', target: 'e' }],
};

/** A stand-in worker: records what it was sent and lets the test answer, in any order. */
class FakeWorker implements WorkerLike {
  sent: LayoutRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: LayoutRequest): void { this.sent.push(message); }
  terminate(): void { this.terminated = true; }
  reply(data: LayoutReply): void { this.onmessage?.({ data } as MessageEvent<LayoutReply>); }
  crash(message: string): void { this.onerror?.({ message } as ErrorEvent); }
  idOf(index: number): number {
    const message = this.sent[index]!;
    if (!('id' in message)) throw new Error('not a layout request');
    return message.id;
  }
}

describe('layout client', () => {
  it('computes on the main thread, with the same result, where there is no worker', async () => {
    clearLayoutCache();
    const client = createLayoutClient(() => null);
    const positions = await client.layout(input);
    clearLayoutCache();
    expect(positions).toEqual(computeLayout(input));
  });

  it('gives each caller its own answer when replies come back out of order', async () => {
    const fake = new FakeWorker();
    const client = createLayoutClient(() => fake);
    const first = client.layout(input);
    const second = client.layout({ ...input, layout: 'grid' });
    expect(fake.sent).toHaveLength(2);
    fake.reply({ id: fake.idOf(1), positions: { second: { x: 2, y: 2 } } });
    fake.reply({ id: fake.idOf(0), positions: { first: { x: 1, y: 1 } } });
    await expect(first).resolves.toEqual({ first: { x: 1, y: 1 } });
    await expect(second).resolves.toEqual({ second: { x: 2, y: 2 } });
  });

  it('reuses one worker for every layout', async () => {
    let created = 0;
    const fake = new FakeWorker();
    const client = createLayoutClient(() => { created++; return fake; });
    const a = client.layout(input);
    const b = client.layout(input);
    fake.reply({ id: fake.idOf(0), positions: {} });
    fake.reply({ id: fake.idOf(1), positions: {} });
    await Promise.all([a, b]);
    expect(created).toBe(1);
  });

  it('reports a layout the worker could not compute, and keeps serving the next one', async () => {
    const fake = new FakeWorker();
    const client = createLayoutClient(() => fake);
    const failing = client.layout(input);
    fake.reply({ id: fake.idOf(0), error: 'no such node' });
    await expect(failing).rejects.toThrow('Layout failed: no such node');
    const next = client.layout(input);
    fake.reply({ id: fake.idOf(1), positions: { a: { x: 0, y: 0 } } });
    await expect(next).resolves.toEqual({ a: { x: 0, y: 0 } });
  });

  it('rejects every waiting layout when the worker crashes, then starts a fresh worker', async () => {
    const workers: FakeWorker[] = [];
    const client = createLayoutClient(() => { const w = new FakeWorker(); workers.push(w); return w; });
    const a = client.layout(input);
    const b = client.layout(input);
    workers[0]!.crash('script failed to load');
    await expect(a).rejects.toThrow('Layout worker failed: script failed to load');
    await expect(b).rejects.toThrow('Layout worker failed');
    expect(workers[0]!.terminated).toBe(true);
    const c = client.layout(input);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.idOf(0), positions: {} });
    await expect(c).resolves.toEqual({});
  });

  it('passes positions computed elsewhere to the worker so it can skip them', () => {
    const fake = new FakeWorker();
    const client = createLayoutClient(() => fake);
    client.remember([['a']], [], { a: { x: 1, y: 2 } });
    expect(fake.sent).toEqual([{ remember: { batches: [['a']], edges: [], positions: { a: { x: 1, y: 2 } } } }]);
  });
});
