import { COLOUR_MODES, SIZE_MODES, type ColourMode, type SizeMode } from './analysis/settings';
import { parseYearRange, type UndatedChoice, type YearRange } from './analysis/visibility';
import { isEvidenceGrade, type EvidenceGrade } from './graph/evidence';
import { groupKey, isGroupKey, parseGroupKey } from './graph/groups';
import type { LayoutName } from './layout/compute-layout';
import { isLocale, type Locale } from './i18n/locales';
import { note, type Note } from './i18n/notes';
import { escapeItem, unescapeItem } from './url-escape';
import { readPathState, writePathState, type PathState } from './url-path';

export type { PathState } from './url-path';
import { isTypeName } from './graph/type-name';

/**
 * The deep-link format: the URL *is* the view. Shared by the server (first render) and the client
 * (every exploration step writes it). Version 1, e.g.
 *
 *   /?v=1&n=event:brst-2023;place:chongqing~org:most,cas&x=event:brst-2023&s=place:chongqing&hide=Country&z=1.2&c=10,-40
 *
 *   n     shown entities as layout batches separated by `~` (first view, then each step's additions);
 *         inside a batch ids are grouped by prefix: `country:KAZ,UZB;event:brst-2023`; a group node
 *         is `*:origin,RELTYPE,EntityType` (`*` for any), e.g. `*:initiative:bri,*,Country`
 *   x     expanded entities, `id@pages` when more than one page of neighbours was loaded
 *   s     selected entity, or r = selected relationship `from,TYPE,to`
 *   hide  entity types filtered out;  l  layout (force, circle, grid);  z, c  zoom and centre
 *   p     a "how are these connected" pair `from,to`, with pi (which ranked path is drawn), pk (how
 *         many are listed), ptypes, pavoid, phops, pt, pundated (the search's options): see lib/url-path.ts
 *   size  entity size: `degree` (relationships in this view) or `pagerank`; default: relationships in the database
 *   colour  `community` (Louvain in this view); default: by type
 *   t     years shown, `2015-2020` (both included);  undated  `hide` hides what has no date
 *   ev    weakest evidence shown: `single` hides facts resting only on copies, `corroborated` or `official` more
 *   lang  the interface language (en, ru, zh); captions follow it
 *
 * Parsing never throws: whatever is malformed is dropped and described in `ignored`.
 */

const URL_STATE_VERSION = 1;
export const MAX_VIEW_ENTITIES = 5000;
/** Each batch is one more layout pass; past this many steps the last ones are laid out together. */
const MAX_VIEW_BATCHES = 30;
const MAX_ID_LENGTH = 200;
const LAYOUTS: readonly LayoutName[] = ['force', 'circle', 'grid', 'map'];
const isTypeOrAny = (text: string) => text === '*' || isTypeName(text);

export type Selection =
  | { kind: 'node'; id: string }
  | { kind: 'edge'; source: string; type: string; target: string }
  | null;

export interface Viewport { zoom: number; x: number; y: number }

export interface ExplorerState {
  batches: string[][];
  /** Expanded entity -> pages of neighbours loaded. */
  expanded: Record<string, number>;
  selected: Selection;
  hiddenTypes: string[];
  layout: LayoutName;
  viewport: Viewport | null;
  /** A "how are these connected" search and the ranked path drawn. */
  path: PathState | null;
  size: SizeMode;
  colour: ColourMode;
  /** Years shown; null: all. */
  time: YearRange | null;
  undated: UndatedChoice;
  /** Facts weaker than this are hidden (lib/graph/evidence.ts); null: all shown. */
  evidence: EvidenceGrade | null;
  /** The interface language the link was made in; null: the reader's browser decides. */
  lang: Locale | null;
}

export const EMPTY_STATE: ExplorerState = {
  batches: [], expanded: {}, selected: null, hiddenTypes: [], layout: 'force', viewport: null, path: null,
  size: 'links', colour: 'type', time: null, undated: 'show', evidence: null, lang: null,
};

export interface ParsedState {
  state: ExplorerState;
  /** What was ignored, as notes for the page to show in the reader's language. */
  ignored: Note[];
  /** True when the URL asked for any view at all (false: show the default view). */
  hasView: boolean;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

// Any printable text is an id (spaces included: another graph's keys may be names); it is escaped in URLs.
function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && /^[^\p{Cc}]+$/u.test(id);
}

/** A group node as it reads in a link: `*:origin,RELTYPE,EntityType`, `*` standing for any. */
function groupToken(origin: string, relType: string, entityType: string): string {
  const field = (text: string) => (text === '*' ? '*' : escapeItem(text));
  return `*:${escapeItem(origin)},${field(relType)},${field(entityType)}`;
}

/** The inverse of groupToken (the text after `*:`); null when malformed. */
function readGroupToken(rest: string): string | null {
  const parts = rest.split(',').map(unescapeItem);
  const [origin, relType, entityType] = parts;
  if (parts.length !== 3 || !origin || !isValidId(origin) || !relType || !entityType || !isTypeOrAny(relType) || !isTypeOrAny(entityType)) return null;
  return groupKey({ origin, relType, entityType });
}

/** ids -> `prefix:a,b;other:c`, sorted, so the same set always gives the same text; group nodes as `*:origin,TYPE,Type`. */
function encodeIdGroup(ids: string[], suffix: (id: string) => string = () => ''): string {
  const groups = new Map<string, string[]>();
  const groupTokens: string[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const spec = parseGroupKey(id);
    if (spec) {
      groupTokens.push(groupToken(spec.origin, spec.relType, spec.entityType));
      continue;
    }
    if (isGroupKey(id)) continue;
    const colon = id.indexOf(':');
    const prefix = colon > 0 ? id.slice(0, colon) : '';
    const rest = colon > 0 ? id.slice(colon + 1) : id;
    groups.set(prefix, [...(groups.get(prefix) ?? []), escapeItem(rest) + suffix(id)]);
  }
  return [...[...groups].map(([prefix, items]) => `${escapeItem(prefix, true)}:${items.join(',')}`), ...groupTokens].join(';');
}

/** The inverse of encodeIdGroup; bad items are reported, not fatal. */
function decodeIdGroup(text: string, bad: string[]): { id: string; suffix: string }[] {
  const out: { id: string; suffix: string }[] = [];
  for (const group of text.split(';')) {
    if (!group) continue;
    const colon = group.indexOf(':');
    if (colon < 0) {
      bad.push(group);
      continue;
    }
    if (group.slice(0, colon) === '*') {
      // A group node: origin, relationship type, entity type. `*` is never an escaped id prefix.
      const key = readGroupToken(group.slice(colon + 1));
      if (key) out.push({ id: key, suffix: '' });
      else bad.push(group);
      continue;
    }
    const prefix = unescapeItem(group.slice(0, colon));
    for (const raw of group.slice(colon + 1).split(',')) {
      if (!raw) continue;
      const [itemText = '', suffix = ''] = raw.split('@');
      const item = unescapeItem(itemText);
      const id = prefix === null || item === null ? null : prefix ? `${prefix}:${item}` : item;
      if (id === null || !isValidId(id)) bad.push(raw);
      else out.push({ id, suffix });
    }
  }
  return out;
}

/** Folds the batches past MAX_VIEW_BATCHES into one, bounding the layout work a link can ask for. */
export function capBatches(batches: string[][]): string[][] {
  if (batches.length <= MAX_VIEW_BATCHES) return batches;
  return [...batches.slice(0, MAX_VIEW_BATCHES - 1), batches.slice(MAX_VIEW_BATCHES - 1).flat()];
}

function finiteNumber(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads the version-1 (or legacy v0 `ids=`) parameters; never throws. */
export function parseExplorerState(params: RawParams): ParsedState {
  const ignored: Note[] = [];
  const state: ExplorerState = structuredClone(EMPTY_STATE);
  const version = read(params, 'v');
  if (version !== undefined && version !== '0' && version !== String(URL_STATE_VERSION)) {
    ignored.push(note('unknownVersion', { version: short(version) }));
  }
  const bad: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  const take = (ids: string[]) => ids.filter((id) => {
    if (seen.has(id)) return false;
    if (seen.size >= MAX_VIEW_ENTITIES) {
      dropped++;
      return false;
    }
    seen.add(id);
    return true;
  });

  const legacy = read(params, 'ids');
  const n = read(params, 'n');
  if (n !== undefined) {
    const batches = n.split('~').map((batch) => take(decodeIdGroup(batch, bad).map((e) => e.id))).filter((b) => b.length > 0);
    state.batches = capBatches(batches);
    if (batches.length > MAX_VIEW_BATCHES) ignored.push(note('tooManySteps', { max: MAX_VIEW_BATCHES, merged: batches.length - MAX_VIEW_BATCHES + 1 }));
  } else if (legacy !== undefined) {
    // Version 0: a flat comma-separated list, as the API's /api/subgraph?ids= takes it.
    const ids = legacy.split(',').map((id) => id.trim()).filter(Boolean);
    for (const id of ids) if (!isValidId(id)) bad.push(id);
    state.batches = [take(ids.filter(isValidId))].filter((b) => b.length > 0);
  }
  if (dropped > 0) ignored.push(note('tooManyEntities', { max: MAX_VIEW_ENTITIES, dropped }));

  const x = read(params, 'x');
  if (x !== undefined) {
    for (const { id, suffix } of decodeIdGroup(x, bad)) {
      const pages = suffix === '' ? 1 : Number(suffix);
      if (!seen.has(id)) continue;
      if (!Number.isInteger(pages) || pages < 1 || pages > 1000) bad.push(`${id}@${suffix}`);
      else state.expanded[id] = pages;
    }
  }

  const s = read(params, 's') ?? read(params, 'selected');
  const r = read(params, 'r');
  if (s !== undefined) {
    const id = s.startsWith('*:') ? readGroupToken(s.slice(2)) : unescapeItem(s);
    if (id !== null && seen.has(id)) state.selected = { kind: 'node', id };
    else if (id !== null && isValidId(id)) ignored.push(note('selectedNotInView', { id: short(id) }));
    else bad.push(s);
  } else if (r !== undefined) {
    const parts = r.split(',').map(unescapeItem);
    const [source, type, target] = parts;
    if (parts.length === 3 && source && target && type && seen.has(source) && seen.has(target) && isTypeName(type)) {
      state.selected = { kind: 'edge', source, type, target };
    } else {
      ignored.push(note('selectedRelationshipNotInView', { id: short(r) }));
    }
  }

  const hide = read(params, 'hide');
  if (hide !== undefined) {
    for (const raw of hide.split(',').filter(Boolean)) {
      const type = unescapeItem(raw);
      if (type !== null && isTypeName(type)) state.hiddenTypes.push(type);
      else bad.push(raw);
    }
    state.hiddenTypes = [...new Set(state.hiddenTypes)].sort();
  }

  const layout = read(params, 'l');
  if (layout !== undefined) {
    if ((LAYOUTS as readonly string[]).includes(layout)) state.layout = layout as LayoutName;
    else ignored.push(note('unknownLayout', { layout: short(layout) }));
  }

  const z = read(params, 'z');
  const c = read(params, 'c');
  if (z !== undefined || c !== undefined) {
    const zoom = finiteNumber(z);
    const [cx, cy, ...rest] = (c ?? '').split(',');
    const x = finiteNumber(cx);
    const y = finiteNumber(cy);
    if (zoom !== null && zoom >= 0.01 && zoom <= 20 && x !== null && y !== null && rest.length === 0) {
      state.viewport = { zoom, x, y };
    } else {
      ignored.push(note('viewportUnreadable'));
    }
  }

  state.path = readPathState((key) => read(params, key), (id) => seen.has(id), ignored);

  const size = read(params, 'size');
  if (size !== undefined) {
    if ((SIZE_MODES as readonly string[]).includes(size)) state.size = size as SizeMode;
    else ignored.push(note('unknownSize', { size: short(size) }));
  }
  const colour = read(params, 'colour') ?? read(params, 'color');
  if (colour !== undefined) {
    if ((COLOUR_MODES as readonly string[]).includes(colour)) state.colour = colour as ColourMode;
    else ignored.push(note('unknownColour', { colour: short(colour) }));
  }
  const t = read(params, 't');
  if (t !== undefined) {
    const range = parseYearRange(t);
    if (range) state.time = range;
    else ignored.push(note('timeRangeUnreadable', { range: short(t) }));
  }
  const undated = read(params, 'undated');
  if (undated !== undefined) {
    if (undated === 'hide' || undated === 'show') state.undated = undated;
    else ignored.push(note('unknownUndated', { choice: short(undated) }));
  }
  const ev = read(params, 'ev');
  if (ev !== undefined) {
    // `none` would hide nothing a source backs and everything else: not a choice the filter offers.
    if (isEvidenceGrade(ev) && ev !== 'none') state.evidence = ev;
    else ignored.push(note('unknownEvidence', { grade: short(ev) }));
  }
  const lang = read(params, 'lang');
  if (lang !== undefined) {
    if (isLocale(lang)) state.lang = lang;
    else ignored.push(note('unknownLanguage', { lang: short(lang) }));
  }

  if (bad.length > 0) {
    ignored.push(note('malformedParts', { count: bad.length, parts: `${bad.slice(0, 5).map((b) => `"${short(b)}"`).join(', ')}${bad.length > 5 ? ', ...' : ''}` }));
  }
  return { state, ignored, hasView: state.batches.length > 0 };
}

const num = (value: number) => String(Math.round(value * 100) / 100);

/** The query string (without `?`) for a state; only what differs from the defaults is written. */
export function serializeExplorerState(state: ExplorerState): string {
  const parts: string[] = [`v=${URL_STATE_VERSION}`];
  const batches = state.batches.filter((b) => b.length > 0);
  if (batches.length > 0) parts.push(`n=${batches.map((b) => encodeIdGroup(b)).join('~')}`);
  const expanded = Object.keys(state.expanded);
  if (expanded.length > 0) parts.push(`x=${encodeIdGroup(expanded, (id) => (state.expanded[id]! > 1 ? `@${state.expanded[id]}` : ''))}`);
  if (state.selected?.kind === 'node') {
    const spec = parseGroupKey(state.selected.id);
    parts.push(`s=${spec ? groupToken(spec.origin, spec.relType, spec.entityType) : escapeItem(state.selected.id)}`);
  }
  if (state.selected?.kind === 'edge') {
    parts.push(`r=${[state.selected.source, state.selected.type, state.selected.target].map((part) => escapeItem(part)).join(',')}`);
  }
  if (state.hiddenTypes.length > 0) parts.push(`hide=${[...state.hiddenTypes].sort().map((type) => escapeItem(type)).join(',')}`);
  if (state.layout !== 'force') parts.push(`l=${state.layout}`);
  if (state.path) parts.push(...writePathState(state.path));
  if (state.size !== 'links') parts.push(`size=${state.size}`);
  if (state.colour !== 'type') parts.push(`colour=${state.colour}`);
  if (state.time) parts.push(`t=${state.time.from}-${state.time.to}`);
  if (state.undated !== 'show') parts.push(`undated=${state.undated}`);
  if (state.evidence) parts.push(`ev=${state.evidence}`);
  // Zoom to 4 decimals: framing gives any zoom, and 0.01 of it is 2 px at the edge of a wide screen.
  if (state.viewport) parts.push(`z=${String(Math.round(state.viewport.zoom * 10_000) / 10_000)}`, `c=${num(state.viewport.x)},${num(state.viewport.y)}`);
  if (state.lang) parts.push(`lang=${state.lang}`);
  return parts.join('&');
}

/** All entity ids of a state, in batch order. */
export function stateIds(state: ExplorerState): string[] {
  return state.batches.flat();
}
