/**
 * Turns what a person typed into Lucene queries for the two full-text indexes. Input is never
 * passed through as syntax: it is cut into word tokens (so `AND (`, `*`, `"`, `~` are just text),
 * and each token becomes exact OR prefix OR fuzzy clauses that rank an exact match first.
 */

export const MAX_SEARCH_LENGTH = 200;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const HAN = /\p{Script=Han}/u;

export interface SearchQueries {
  /** For the Latin/Cyrillic index (standard-folding analyzer); null when there is nothing to ask. */
  text: string | null;
  /** For the Chinese index (CJK bigram analyzer); null when the input has no Han characters. */
  chinese: string | null;
}

/** Lower-cases and strips accents from Latin letters only (Cyrillic й must stay й). */
export function foldToken(token: string): string {
  return token.toLocaleLowerCase('en-US').normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

export function tokenize(input: string): string[] {
  return input.normalize('NFKC').slice(0, MAX_SEARCH_LENGTH).match(WORD) ?? [];
}

function textClause(token: string): string {
  // An apostrophe is not Lucene syntax, but quoting keeps the tokenizer's view of the term.
  const term = token.includes("'") || token.includes('’') ? `"${token}"` : token;
  if (term.startsWith('"')) return `${term}^4`;
  const clauses = [`${term}^4`, `${term}*^2`];
  // Fuzzy matching on very short words matches almost anything; allow more edits on longer words.
  if (token.length >= 4) clauses.push(`${term}~${token.length >= 7 ? 2 : 1}`);
  return `(${clauses.join(' OR ')})`;
}

function chineseClause(token: string): string {
  return `("${token}"^4 OR ${token}*)`;
}

/** Builds the Lucene queries for both indexes from raw user input. */
export function buildSearchQueries(input: string): SearchQueries {
  const tokens = tokenize(input).map(foldToken).filter((t) => t.length > 0);
  const han = tokens.filter((t) => HAN.test(t));
  const other = tokens.filter((t) => !HAN.test(t));
  let text: string | null = null;
  if (other.length > 0) {
    const parts = other.map(textClause);
    if (other.length > 1) parts.push(`"${other.join(' ')}"^6`);
    text = parts.join(' OR ');
  }
  const chinese = han.length > 0 ? han.map(chineseClause).join(' OR ') : null;
  return { text, chinese };
}
