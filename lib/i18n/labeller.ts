import { relationshipLabel, typeStyle } from '../draw/entity-style';
import { ANY, type GroupSpec } from '../graph/groups';
import type { GraphNode, Language } from '../graph/types';
import type { Locale } from './locales';

/**
 * Names of things in the interface language: entity captions, entity types, relationship types and
 * group nodes. Pure, shared by the client (canvas, panels, lists), the server (page titles, Open
 * Graph text, the server-drawn picture) and the preview worker; each builds one from its messages.
 *
 * Captions come from the data: a seed entity carries its names per language, and where one is
 * missing the English name is shown with a visible marker. A graph the app did not seed has names in
 * no particular language: shown as they are, unmarked. Types and relationships that the seed uses
 * have translations in messages/<lang>/types.json and relations.json; other databases' own names
 * are shown as the database has them.
 */

export interface Caption {
  text: string;
  /** The language of `text` when it is a stand-in for a missing translation (English); null otherwise. */
  fallback: Language | null;
}

/** What a fallback caption carries on the canvas and in the share image (in panels: a badge). */
export const FALLBACK_MARK = 'EN';

/** One message namespace: a use-intl translator, seen as plain strings. */
export interface Lookup {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export interface Labeller {
  readonly locale: Locale;
  caption(node: Pick<GraphNode, 'name' | 'names'>): Caption;
  /** A caption on one line for the canvas and pictures: shortened past `max` characters, marked when a fallback. */
  captionLine(node: Pick<GraphNode, 'name' | 'names'>, max?: number): string;
  /** An entity type's name ("Country" -> "Страна"). */
  type(type: string): string;
  /** A count of entities of a type ("151 countries", "151 страна"); `*` counts entities of any type. */
  typeCount(type: string, count: number): string;
  /** A relationship type for people ("PARTNER_OF" -> "partner of"). */
  relationship(type: string): string;
  /** A group node's label: its count and type, and the relationship on a second line. */
  group(spec: GroupSpec, remaining: number): string;
  /** What a list shows for a node on the canvas: a group's label on one line, else the caption. */
  nodeName(node: Pick<GraphNode, 'name' | 'names' | 'group'>): string;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** An entity's caption in a language, falling back to its English name (marked) where it has none there. */
export function captionIn(node: Pick<GraphNode, 'name' | 'names'>, locale: Locale): Caption {
  // Names per language always include English; without it, the names are the database's own.
  const english = node.names?.en;
  if (!english) return { text: node.name, fallback: null };
  const own = locale === 'en' ? english : node.names![locale];
  return own ? { text: own, fallback: null } : { text: english, fallback: 'en' };
}

export function makeLabeller(locale: Locale, messages: { types: Lookup; relations: Lookup; common: Lookup }): Labeller {
  const { types, relations, common } = messages;
  // A database's own names may be anything: only plain keys are looked up (`a.b` is a path to use-intl,
  // `constructor` an inherited property of every message object).
  const known = (lookup: Lookup, key: string) => key !== '' && !key.includes('.') && !(key in Object.prototype) && lookup.has(key);
  const labeller: Labeller = {
    locale,
    caption: (node) => captionIn(node, locale),
    captionLine: (node, max = 30) => {
      const { text, fallback } = captionIn(node, locale);
      return fallback ? `${shorten(text, max)} [${FALLBACK_MARK}]` : shorten(text, max);
    },
    type: (type) => (known(types, type) ? types(`${type}.name`) : typeStyle(type).label),
    typeCount: (type, count) => {
      const key = type === ANY ? 'Group' : type;
      if (known(types, key)) return types(`${key}.count`, { count });
      return common('countOfType', { count, type: labeller.type(type) });
    },
    relationship: (type) => (known(relations, type) ? relations(type) : relationshipLabel(type)),
    group: (spec, remaining) => `${labeller.typeCount(spec.entityType, remaining)}${spec.relType !== ANY ? `\n${labeller.relationship(spec.relType)}` : ''}`,
    nodeName: (node) => (node.group ? labeller.group(node.group, node.group.remaining).replace('\n', ' · ') : labeller.caption(node).text),
  };
  return labeller;
}

const NO_MESSAGES: Lookup = Object.assign(() => '', { has: () => false });
/** The one message plain labels need, as the English catalogue words it. */
const PLAIN_COMMON: Lookup = Object.assign((key: string, values?: Record<string, string | number>) => (key === 'countOfType' ? `${values?.type}: ${values?.count}` : ''), { has: (key: string) => key === 'countOfType' });

/** Names as the data has them, in English wording: for code without messages (benchmarks, tests). */
export const PLAIN_LABELS: Labeller = makeLabeller('en', { types: NO_MESSAGES, relations: NO_MESSAGES, common: PLAIN_COMMON });
