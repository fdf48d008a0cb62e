/**
 * A source's date as the data records it: a day (`2023-11-22`), a month (`2025-05`) or a year, to be
 * formatted in the interface language at the precision it has, never more ("May 2025", not "1 May").
 * Null for text that is not such a date: shown as recorded.
 */
export interface DateParts {
  at: Date;
  options: { year: 'numeric'; month?: 'long'; day?: 'numeric'; timeZone: 'UTC' };
}

export function sourceDate(date: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const at = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  if (Number.isNaN(at.getTime()) || (month && at.getUTCMonth() !== Number(month) - 1) || (day && at.getUTCDate() !== Number(day))) return null;
  const options: DateParts['options'] = day ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return { at, options };
}
