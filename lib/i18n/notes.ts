import type enNotes from '../../messages/en/notes.json';
import type enErrors from '../../messages/en/errors.json';

/**
 * What the app tells a reader about a link or an action (an unknown part of a link, entities that
 * are gone, a failed request) travels as a code with values, never as English text: the page shows
 * it in the reader's language (messages/<lang>/notes.json, errors.json). Pure: server and client.
 */

export type NoteCode = keyof typeof enNotes;
export type NoteValues = Record<string, string | number>;

export interface Note {
  code: NoteCode;
  values?: NoteValues;
}

export function note(code: NoteCode, values?: NoteValues): Note {
  return values ? { code, values } : { code };
}

/** Problems shown in the status line and panels: API error codes (the JSON `error`) and the client's own. */
export type ProblemCode = Exclude<keyof typeof enErrors, 'page' | 'notFoundPage'>;

export interface Problem {
  code: ProblemCode;
  values?: NoteValues;
}

const API_CODES = new Set<string>(['database_unavailable', 'query_timeout', 'server_busy', 'rate_limited', 'invalid_params', 'bad_request', 'not_found', 'internal_error', 'network']);

/** A problem for an API error code; one the interface does not know reads as "the request failed (status)". */
export function problemOf(code: string, status: number): Problem {
  return API_CODES.has(code) ? { code: code as ProblemCode } : status > 0 ? { code: 'http_error', values: { status } } : { code: 'unknown' };
}
