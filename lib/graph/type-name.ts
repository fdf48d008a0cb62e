/**
 * The one rule for an entity type (a label) or a relationship type, wherever one comes from the
 * outside world: the API's query strings, a link's `hide=`, `r=` and group nodes. Neo4j accepts any
 * text as a label or relationship type (Cypher backtick-quotes it, see `q` in schema-model.ts), so
 * `Research Lab`, `Научный центр` and `合作 伙伴` are names like `PARTNER_OF`. Refused is only what
 * cannot be one: empty, control characters (the codec's group keys use one as a separator) and
 * over-long text. The link codec escapes its own separators, so `,` `;` `~` may occur too.
 */

export const MAX_TYPE_NAME_LENGTH = 200;

/** Why a text cannot be a type name, or null when it can. */
export function typeNameProblem(text: string): string | null {
  if (text.length === 0) return 'must not be empty';
  if (text.length > MAX_TYPE_NAME_LENGTH) return `is longer than ${MAX_TYPE_NAME_LENGTH} characters`;
  if (/\p{Cc}/u.test(text)) return 'must not contain control characters';
  if (text.trim().length === 0) return 'must not be only spaces';
  return null;
}

/** True when the text can name a label or a relationship type. */
export function isTypeName(text: string): boolean {
  return typeNameProblem(text) === null;
}
