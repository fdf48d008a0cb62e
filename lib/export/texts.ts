import { relationshipLabel } from '../graph/entity-style';
import { pluralLabel } from '../graph/groups';
import type { ExportGroup, ExportTypeCount } from './model';

/**
 * The human words inside exported files (legends, README.txt, descriptions), apart from the
 * builders so that the interface can hand in its own language. Field names and column headers stay
 * English: they are for programs.
 */
export interface ExportTexts {
  title: string;
  /** "12 entities · 15 relationships". */
  summary: (entities: number, relationships: number) => string;
  /** "151 countries linked to Belt and Road Initiative by "partner of", not drawn one by one". */
  group: (group: ExportGroup) => string;
  /** "Hidden by the filter: Country (12)". */
  hidden: (types: ExportTypeCount[]) => string;
  /** "Sources: 23, from Xinhua, MOST and 5 more". */
  sources: (count: number, publishers: string[], more: number) => string;
  /** Before the link. */
  link: string;
  /** "Exported 20 November 2026". */
  exported: (isoDate: string) => string;
  /** "2 entities are no longer in the database: exported as drawn, without properties or sources." */
  gone: (count: number) => string;
  /** "The link is too long to print; it is in this file's metadata." */
  linkTooLong: string;
  /** What each file of the CSV zip holds (README.txt). */
  readmeFiles: string;
  /** Heading of the README's notes on groups and hidden types. */
  readmeNotes: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const ENGLISH_TEXTS: ExportTexts = {
  title: 'Belt and Road S&T graph',
  summary: (entities, relationships) => `${plural(entities, 'entity', 'entities')} · ${plural(relationships, 'relationship', 'relationships')}`,
  group: (g) => {
    const what = g.entityType ? pluralLabel(g.entityType, g.notDrawn) : g.notDrawn === 1 ? 'entity' : 'entities';
    const by = g.relationshipType ? ` by “${relationshipLabel(g.relationshipType)}”` : '';
    return `${g.notDrawn.toLocaleString('en-US')} ${what} linked to ${g.originName}${by}, drawn as one group (${g.total.toLocaleString('en-US')} in the database)`;
  },
  hidden: (types) => `Hidden by the filter: ${types.map((t) => `${t.label} (${t.count.toLocaleString('en-US')})`).join(', ')}`,
  sources: (count, publishers, more) => `${plural(count, 'source', 'sources')}${publishers.length > 0 ? `: ${publishers.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : ''}`,
  link: 'This view in the explorer:',
  exported: (iso) => `Exported ${new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
  gone: (count) => `${plural(count, 'entity is', 'entities are')} no longer in the database: exported as drawn, without properties or sources.`,
  linkTooLong: 'The full link is too long to print; it is in this file’s metadata.',
  readmeFiles: [
    'entities.csv: one row per entity shown, with its names, properties and sources (source_ids, source_urls).',
    'relationships.csv: one row per relationship between entities shown, with its properties and sources.',
    'sources.csv: every source cited above: publisher, title, date, address and how reliable it is.',
    'Lists inside a cell are separated by "; ". Text that starts like a formula (=, +, -, @) has a leading apostrophe.',
  ].join('\r\n'),
  readmeNotes: 'What the view also showed:',
};
