import { parseYearRange } from './analysis/visibility';
import { AVOID_HUBS, DEFAULT_PATH_OPTIONS, MAX_PATH_COUNT, type PathOptions } from './graph/paths';
import { MAX_PATH_HOPS } from './graph/limits';
import { note, type Note } from './i18n/notes';
import { escapeItem, unescapeItem } from './url-escape';
import { isTypeName } from './graph/type-name';

/**
 * The "how are these connected" part of a deep link (see the list at the top of lib/url-state.ts):
 *
 *   p       the pair `from,to` (links written before ranked paths have only this, and open as before)
 *   pi      which of the listed paths is drawn, from 1 (default 1)
 *   pk      how many paths are listed (default 3, at most 10)
 *   ptypes  relationship types a path may use, `PARTNER_OF,SPOKE_AT` (default: any)
 *   pavoid  entity ids and entity types left out, `hubs` for every entity with many relationships
 *   phops   at most this many steps (default 6)
 *   pt      only relationships in force in these years, `2013-2016`;  pundated  `hide` drops undated ones
 *
 * Only what differs from the defaults is written.
 */

export interface PathState extends PathOptions {
  from: string;
  to: string;
  /** The drawn path's place in the ranked list, from 0. */
  index: number;
}

const MAX_ITEMS = 50;

function count(text: string | undefined, min: number, max: number, fallback: number): number | null {
  if (text === undefined) return fallback;
  const value = Number(text);
  return /^\d{1,3}$/.test(text) && value >= min && value <= max ? value : null;
}

/** A path pair and its options from a link; null (with a note) when the pair is unreadable or not in the view. */
export function readPathState(read: (key: string) => string | undefined, inView: (id: string) => boolean, ignored: Note[]): PathState | null {
  const p = read('p');
  if (p === undefined) return null;
  const [from, to, ...rest] = p.split(',').map(unescapeItem);
  if (!from || !to || rest.length > 0 || !inView(from) || !inView(to)) {
    ignored.push(note('pathNotInView'));
    return null;
  }
  const bad: string[] = [];
  const pick = <T>(key: string, value: T | null, fallback: T): T => {
    if (value === null) bad.push(`${key}=${(read(key) ?? '').slice(0, 20)}`);
    return value ?? fallback;
  };
  const k = pick('pk', count(read('pk'), 1, MAX_PATH_COUNT, DEFAULT_PATH_OPTIONS.k), DEFAULT_PATH_OPTIONS.k);
  const index = pick('pi', count(read('pi'), 1, k, 1), 1) - 1;
  const maxHops = pick('phops', count(read('phops'), 1, MAX_PATH_HOPS, DEFAULT_PATH_OPTIONS.maxHops), DEFAULT_PATH_OPTIONS.maxHops);
  const types = (read('ptypes') ?? '').split(',').filter(Boolean).map((t) => unescapeItem(t) ?? '\u0000');
  const avoid = (read('pavoid') ?? '').split(',').filter(Boolean).map(unescapeItem);
  const time = read('pt');
  const range = time === undefined ? null : pick('pt', parseYearRange(time), null);
  const undated = read('pundated');
  const state: PathState = {
    from, to, index, k, maxHops,
    types: [...new Set(types.filter((t) => isTypeName(t) || !bad.push(t)))].sort().slice(0, MAX_ITEMS),
    avoid: [...new Set(avoid.filter((a): a is string => a !== null && a !== AVOID_HUBS && a.length <= 200))].sort().slice(0, MAX_ITEMS),
    avoidHubs: avoid.includes(AVOID_HUBS),
    time: range,
    undated: undated === 'hide' && range ? 'hide' : 'show',
  };
  if (bad.length > 0) ignored.push(note('malformedParts', { count: bad.length, parts: bad.slice(0, 5).map((b) => `"${b}"`).join(', ') }));
  return state;
}

/** The link parameters of a path state; only what differs from the defaults. */
export function writePathState(path: PathState): string[] {
  const parts = [`p=${escapeItem(path.from)},${escapeItem(path.to)}`];
  if (path.index > 0) parts.push(`pi=${path.index + 1}`);
  if (path.k !== DEFAULT_PATH_OPTIONS.k) parts.push(`pk=${path.k}`);
  if (path.types.length > 0) parts.push(`ptypes=${[...path.types].sort().map((t) => escapeItem(t)).join(',')}`);
  const avoid = [...[...path.avoid].sort().map((item) => escapeItem(item)), ...(path.avoidHubs ? [AVOID_HUBS] : [])];
  if (avoid.length > 0) parts.push(`pavoid=${avoid.join(',')}`);
  if (path.maxHops !== DEFAULT_PATH_OPTIONS.maxHops) parts.push(`phops=${path.maxHops}`);
  if (path.time) parts.push(`pt=${path.time.from}-${path.time.to}`);
  if (path.time && path.undated === 'hide') parts.push('pundated=hide');
  return parts;
}

/** The options of a path state, as the API and the data layer take them. */
export function pathOptions(path: PathState): PathOptions {
  const { from: _from, to: _to, index: _index, ...options } = path;
  return options;
}

/** A new pair with default options (the path finder's first search). */
export function newPathState(from: string, to: string, options: Partial<PathOptions> = {}): PathState {
  return { ...DEFAULT_PATH_OPTIONS, ...options, from, to, index: 0 };
}
