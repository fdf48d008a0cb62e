/**
 * Escaping of the items a deep link lists (ids, prefixes, types), shared by lib/url-state.ts and
 * lib/url-path.ts.
 *
 * An item is written so that a link reads as plainly as it can (`Person:Ada%20Lovelace`) while the
 * codec's own separators stay unambiguous: inside an item only `%` and the separators , ; ~ @ *
 * (and : in a prefix) are percent-escaped, then the whole text is encoded once for the query
 * string. Readers get the value decoded once by the URL parser and percent-decode each item: that
 * also opens links of the earlier format, where every item was encoded twice (`Person:Ada%2520Lovelace`).
 */
export function escapeItem(item: string, prefix = false): string {
  const inner = item.replace(prefix ? /[%,;~@*:]/g : /[%,;~@*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return encodeURIComponent(inner).replace(/%3A/g, ':');
}

export function unescapeItem(item: string): string | null {
  try {
    return decodeURIComponent(item);
  } catch {
    return null;
  }
}
