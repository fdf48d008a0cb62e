import { describe, expect, it, vi } from 'vitest';

/**
 * The desk (lib/http/api-desk.ts) lives in another bundle than the routes, with its own copy of every
 * module; the read cache shares its loads between them, so an error made by one copy is judged by
 * the other. A fresh module graph (vi.resetModules) is such a copy.
 */
async function copy() {
  vi.resetModules();
  const errors = await import('../db/errors');
  const pool = await import('../workers/pool');
  const http = await import('./error-response');
  return { ...errors, ...pool, ...http };
}

describe('errors made by one bundle and answered by another', () => {
  it('a database outage is 503 with Retry-After, not 500, whichever copy of the classes made it', async () => {
    const made = await copy();
    const judged = await copy();
    expect(judged.DataError).not.toBe(made.DataError);
    const outage = new made.DataError('database_unavailable', 'The graph database is not reachable.');
    expect(outage instanceof judged.DataError).toBe(true);
    expect(judged.toDataError(outage)).toBe(outage);
    const answer = judged.errorAnswer(outage);
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('5');
    expect(JSON.parse(answer.body as string)).toEqual({ error: 'database_unavailable', message: 'The graph database is not reachable.' });
  });

  it('a busy server is 503 with its own Retry-After; other data errors are not taken for it', async () => {
    const made = await copy();
    const judged = await copy();
    const busy = new made.ServerBusyError('The server is busy drawing; try again.', 7);
    expect(busy instanceof judged.ServerBusyError).toBe(true);
    const answer = judged.errorAnswer(busy);
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('7');
    expect(new made.DataError('query_timeout', 'slow') instanceof judged.ServerBusyError).toBe(false);
    expect(new Error('plain') instanceof judged.DataError).toBe(false);
    expect({ code: 'database_unavailable' } instanceof judged.DataError).toBe(false);
  });
});
