/**
 * Domain errors for the data layer. Driver errors are mapped by `code`, never by message text,
 * and translated to HTTP once, in lib/http/error-response.ts.
 */
export type DataErrorCode = 'database_unavailable' | 'query_timeout' | 'database_error' | 'server_busy';

/** The app-side deadline: a hung (frozen, unreachable) database must not hold a request longer than this. */
export class DeadlineError extends Error {
  readonly code = 'AppDeadline';
}

// Next.js bundles the instrumentation hook (which opens the desk, lib/http/api-desk.ts) apart from the
// routes, so each has its own copy of this class; a read started by one and awaited by the other
// (the read cache shares its loads across bundles) rejects with the other's DataError. `instanceof`
// therefore asks for a mark that every copy sets, not for the prototype.
const BRAND = Symbol.for('graph-explorer.data-error');

export class DataError extends Error {
  constructor(readonly code: DataErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return isDataError(value);
  }
}

/** True for a DataError made by any bundle's copy of the class. */
export function isDataError(value: unknown): value is DataError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

// 'N/A' is what the driver gives its own failures that have no code, such as a connection pool that
// stayed full past connectionAcquisitionTimeout: the database is overloaded, not the request wrong.
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'N/A', 'Neo.ClientError.Security.AuthorizationExpired']);

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

/** Classifies any error thrown by the driver into a DataError. */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const code = codeOf(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable') || code === 'AppDeadline') {
    return new DataError('database_unavailable', 'The graph database is not reachable.', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    // Wrong or missing credentials: the request is fine, the server's configuration is not.
    console.error('[neo4j] the database refused the credentials (see NEO4J_USER / NEO4J_PASSWORD)');
    return new DataError('database_unavailable', 'The graph database refused the app\'s credentials.', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new DataError('query_timeout', 'The graph database took too long to answer.', { cause: error });
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new DataError('database_unavailable', 'The graph database is busy; try again.', { cause: error });
  }
  return new DataError('database_error', 'The graph database could not answer this request.', { cause: error });
}
