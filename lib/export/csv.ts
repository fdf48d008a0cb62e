/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF between records, a field quoted when it holds a
 * comma, a quote, a line break or edge spaces, quotes doubled inside. A text that a spreadsheet would
 * run as a formula (=, +, -, @ first, and not a number) gets a leading apostrophe: the cell shows the
 * text instead of computing it. The file starts with a byte-order mark so that spreadsheets read
 * Cyrillic and Chinese as UTF-8.
 */

export type CsvValue = string | number | boolean | null | undefined;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One field, quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then one row per record. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
