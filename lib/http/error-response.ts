import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { DataError, toDataError } from '../db/errors';
import { ServerBusyError } from '../workers/pool';
import { NO_STORE } from './cache-rules';

// Failures are never stored by a browser or a shared cache.
const noStore = { 'Cache-Control': NO_STORE };

/** The one place errors become HTTP answers. Bodies never carry Cypher, stack traces or driver text. */
export function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof ServerBusyError) {
    return NextResponse.json({ error: 'server_busy', message: error.message }, { status: 503, headers: { ...noStore, 'Retry-After': String(error.retryAfterSeconds) } });
  }
  const dataError = error instanceof DataError ? error : toDataError(error);
  if (dataError.code === 'database_unavailable' || dataError.code === 'query_timeout') {
    return NextResponse.json({ error: dataError.code, message: dataError.message }, { status: 503, headers: { ...noStore, 'Retry-After': '5' } });
  }
  console.error('[api] unexpected error', error);
  return NextResponse.json({ error: 'internal_error', message: 'Something went wrong on the server.' }, { status: 500, headers: noStore });
}

export function badRequest(error: z.ZodError): NextResponse {
  const issues = error.issues.map((issue) => ({ param: issue.path.join('.') || '(query)', message: issue.message }));
  const message = issues.map((issue) => `${issue.param}: ${issue.message}`).join('; ');
  return NextResponse.json({ error: 'invalid_params', message, issues }, { status: 400, headers: noStore });
}

export function notFound(message: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ error: 'not_found', message, ...extra }, { status: 404, headers: noStore });
}
