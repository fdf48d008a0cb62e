import type { z } from 'zod';
import { DataError, toDataError } from '../db/errors';
import { ServerBusyError } from '../workers/pool';
import { type Answer, jsonAnswer, toResponse } from './answer';
import { NO_STORE } from './cache-rules';

// Failures are never stored by a browser or a shared cache.
const noStore = { 'Cache-Control': NO_STORE };

/** The one place errors become HTTP answers. Bodies never carry Cypher, stack traces or driver text. */
export function errorAnswer(error: unknown): Answer {
  if (error instanceof ServerBusyError) {
    return jsonAnswer(503, { error: 'server_busy', message: error.message }, { ...noStore, 'Retry-After': String(error.retryAfterSeconds) });
  }
  const dataError = error instanceof DataError ? error : toDataError(error);
  if (dataError.code === 'database_unavailable' || dataError.code === 'query_timeout') {
    return jsonAnswer(503, { error: dataError.code, message: dataError.message }, { ...noStore, 'Retry-After': '5' });
  }
  console.error('[api] unexpected error', error);
  return jsonAnswer(500, { error: 'internal_error', message: 'Something went wrong on the server.' }, noStore);
}

export function badRequestAnswer(error: z.ZodError): Answer {
  const issues = error.issues.map((issue) => ({ param: issue.path.join('.') || '(query)', message: issue.message }));
  const message = issues.map((issue) => `${issue.param}: ${issue.message}`).join('; ');
  return jsonAnswer(400, { error: 'invalid_params', message, issues }, noStore);
}

export function notFoundAnswer(message: string, extra: Record<string, unknown> = {}): Answer {
  return jsonAnswer(404, { error: 'not_found', message, ...extra }, noStore);
}

/** A refused request whose reasons the route states itself (an unknown relationship type, say). */
export function invalidAnswer(body: Record<string, unknown>): Answer {
  return jsonAnswer(400, body, noStore);
}

export const toErrorResponse = (error: unknown): Response => toResponse(errorAnswer(error));
export const badRequest = (error: z.ZodError): Response => toResponse(badRequestAnswer(error));
export const notFound = (message: string, extra?: Record<string, unknown>): Response => toResponse(notFoundAnswer(message, extra));
