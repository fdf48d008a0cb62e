/**
 * When things happened, read from their own properties and never guessed. An entity's or a
 * relationship's time is a span in a compact ISO 8601 interval form: `2023-06` (a point),
 * `2023-11-06/2023-11-07` (from, to), `2016-05/..` (since, still in force), `../2023-10-24`
 * (until). Dates keep the precision the data has (year, month or day); the filter works in years.
 *
 * Which properties count: for the app's own seed an explicit table (SEED_TIME_KEYS, read from
 * graph-seed/data); for any other graph, values of Neo4j temporal types, or ISO-date-looking
 * (and, in year-named keys, year-looking) values of date-named keys (DATE_KEY_PATTERN).
 */

/** How a property places its owner in time. */
export type TimeRole = 'start' | 'since' | 'point' | 'end';

/**
 * The seed's date properties, in the order they are preferred, with what each means. A "since"
 * stays in force until an end key says otherwise (a partnership since a year, a lab since its
 * approval); a "point" is when something happened or was stated. `briDocumentDate` and
 * `documentDate` date a partnership that rests on a document other than a memorandum (Russia's
 * joint statement of 2015), after the joining dates.
 */
export const SEED_TIME_KEYS: readonly (readonly [string, TimeRole])[] = [
  ['startDate', 'start'], ['date', 'point'], ['asOf', 'point'], ['statedOn', 'point'],
  ['since', 'since'], ['municipalitySince', 'since'], ['joinedBriDate', 'since'], ['joinedBri', 'since'],
  ['joinedDate', 'since'], ['joined', 'since'], ['briDocumentDate', 'since'], ['documentDate', 'since'],
  ['signed', 'since'], ['signedYear', 'since'], ['founded', 'since'], ['foundedYear', 'since'], ['launched', 'since'],
  ['opened', 'since'], ['approved', 'since'], ['approvedYear', 'since'], ['proposedYear', 'since'],
  ['published', 'point'], ['releasedOn', 'point'], ['announced', 'point'], ['firstPutForward', 'point'],
  ['year', 'point'], ['plannedYear', 'point'],
  ['endDate', 'end'], ['until', 'end'], ['exitedBri', 'end'], ['exited', 'end'],
];

/**
 * The seed's date properties that do not place their owner in time, and why. A test checks that
 * every date property the seed declares (graph-seed/schema.ts) is in one list or the other.
 */
export const SEED_TIME_LEFT_OUT: Readonly<Record<string, string>> = {
  born: 'a person\'s birth is not what this graph is about',
  reported: 'when it was reported, not when it happened',
  claimedApproval: 'a claim about an approval, kept apart from the approval itself',
  gfdcMouDate: 'a different fact from joining, and sometimes a placeholder',
  restructured: 'a change to an organisation that existed before',
  sourcedDates: 'a list of dates sources gave, not one date of the relationship',
  unveiled: 'a ceremony, not when the laboratory began',
  nameplateUnveiled: 'a ceremony, not when the laboratory began',
  samarkandBaseUnveiledYear: 'a ceremony for one site of a laboratory',
  joinedBriOtherDates: 'other dates sources give for joining, kept as they are; the joining date is used',
  joinedOtherDates: 'other dates sources give for joining, kept as they are; the joining date is used',
};

const SEED_ROLES = new Map(SEED_TIME_KEYS);

/**
 * Cypher regex (Java syntax) for keys that may hold dates in a graph the app did not seed: wide on
 * purpose, since isDateKey then decides word by word (so `legend` is not an end date).
 */
export const DATE_KEY_PATTERN = '.*(?i:date|year|time|since|until|asof|as_of|founded|established|created|opened|launched|joined|born|birth|died|death|start|end|begin|released|published|issued|signed).*|.*(On|At|From|To|_on|_at|_from|_to)';

const END_WORDS = new Set(['end', 'ends', 'ended', 'until', 'till', 'to', 'exit', 'exited', 'expires', 'expiry', 'expired', 'closed', 'dissolved', 'died', 'death']);
const START_WORDS = new Set(['start', 'starts', 'started', 'begin', 'begins', 'from']);
const SINCE_WORDS = new Set(['since', 'founded', 'established', 'created', 'opened', 'launched', 'joined', 'born', 'birth']);
const POINT_WORDS = new Set(['date', 'dated', 'dates', 'year', 'time', 'asof', 'released', 'published', 'issued', 'signed']);
const DATE_WORDS = new Set([...POINT_WORDS, ...END_WORDS, ...START_WORDS, ...SINCE_WORDS]);

/** `validFrom` -> [valid, from], `start_date` -> [start, date]. */
function words(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The role of a key: the seed's table first, then what the words of its name say. */
export function timeRole(key: string): TimeRole {
  const known = SEED_ROLES.get(key);
  if (known) return known;
  const w = words(key);
  if (w.some((x) => END_WORDS.has(x))) return 'end';
  if (w.some((x) => START_WORDS.has(x))) return 'start';
  if (w.some((x) => SINCE_WORDS.has(x))) return 'since';
  return 'point';
}

/** Whether a key's name says it holds a date: one of its words is date-like, or it ends in On/At (`statedOn`). */
export function isDateKey(key: string): boolean {
  if (SEED_ROLES.has(key)) return true;
  const w = words(key);
  const last = w.at(-1);
  return w.some((x) => DATE_WORDS.has(x)) || (w.length > 1 && (last === 'on' || last === 'at')) || w.join(' ').includes('as of');
}

const ISO_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?(?:\[[^\]]+\])?)?$/;

/**
 * A value as a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when it does not look like one.
 * Temporal values arrive as their ISO strings; a bare integer counts as a year only in a
 * date-named key (`born: 1964`, `foundingYear: 1998`, the seed's `joinedBri: 2013`).
 */
export function dateText(key: string, value: unknown): string | null {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value.trim());
    if (!match) return null;
    return [match[1], match[2], match[3]].filter(Boolean).join('-');
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 2999 && (isDateKey(key) || /year/i.test(key))) {
    return String(value);
  }
  return null;
}

export interface TimeOf {
  /** The span in ISO 8601 interval form (see the top of this file). */
  time: string;
  /** The properties it was read from, e.g. `startDate/endDate` or `joinedBriDate`. */
  timeKey: string;
}

const ROLE_ORDER: Record<TimeRole, number> = { start: 0, since: 1, point: 2, end: 3 };

/** Candidates in preference order: the seed's table order, then starts before points, then by name. */
function rank(a: string, b: string): number {
  const seedOrder = [...SEED_ROLES.keys()];
  const ia = seedOrder.indexOf(a);
  const ib = seedOrder.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return ROLE_ORDER[timeRole(a)] - ROLE_ORDER[timeRole(b)] || a.localeCompare(b);
}

/**
 * The span of an entity or relationship from its candidate properties ([key, value] pairs, values
 * already plain JSON: temporal values as ISO strings). A list of dates spans its first to last.
 * Null when nothing looks like a date: the thing is undated, and stays so.
 */
export function timeOf(pairs: readonly (readonly [string, unknown])[]): TimeOf | null {
  const dated = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => dateText(key, v));
    if (values.length > 0 && values.every((v): v is string => v !== null)) dated.set(key, [...values].sort());
  }
  const keys = [...dated.keys()].sort(rank);
  const startKey = keys.find((k) => timeRole(k) !== 'end');
  const endKey = keys.find((k) => timeRole(k) === 'end');
  if (!startKey && !endKey) return null;
  const startValues = startKey ? dated.get(startKey)! : [];
  const start = startValues[0] ?? null;
  let end = endKey ? dated.get(endKey)!.at(-1)! : null;
  if (start && end && yearOf(end) < yearOf(start)) end = null; // an end before the start is not believed
  if (start && !end) {
    if (timeRole(startKey!) === 'since') return { time: `${start}/..`, timeKey: startKey! };
    const last = startValues.at(-1)!;
    return { time: last === start ? start : `${start}/${last}`, timeKey: startKey! };
  }
  if (!start) return { time: `../${end}`, timeKey: endKey! };
  return { time: `${start}/${end}`, timeKey: `${startKey}/${endKey}` };
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** A span in whole years; an open side is infinite. Null for text that is not a span. */
export function spanYears(time: string): { from: number; to: number } | null {
  const [a = '', b] = time.split('/');
  const from = a === '..' ? -Infinity : ISO_DATE.test(a) ? yearOf(a) : NaN;
  const to = b === undefined ? from : b === '..' ? Infinity : ISO_DATE.test(b) ? yearOf(b) : NaN;
  if (Number.isNaN(from) || Number.isNaN(to) || (from === -Infinity && to === Infinity)) return null;
  return { from, to };
}
