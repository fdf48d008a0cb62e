import { relationshipLabel, typeStyle } from '../draw/entity-style';
import type { ExportGroup, ExportTypeCount } from './model';

/**
 * The human words inside exported files (legends, README.txt, descriptions), in the interface's
 * language: built from the `export` messages (`file.*`). Field names and column headers stay
 * English: they are for programs.
 */
export interface ExportTexts {
  title: string;
  /** "12 entities · 15 relationships". */
  summary: (entities: number, relationships: number) => string;
  /** What a group node stands for. */
  group: (group: ExportGroup) => string;
  /** "Hidden by the filter: Country (12)". */
  hidden: (types: ExportTypeCount[]) => string;
  /** "23 sources: Xinhua, MOST and 5 more". */
  sources: (count: number, publishers: string[], more: number) => string;
  /** Before the link. */
  link: string;
  /** "Exported 20 November 2026". */
  exported: (isoDate: string) => string;
  /** Entities drawn but no longer in the database. */
  gone: (count: number) => string;
  linkTooLong: string;
  /** What each file of the CSV zip holds (README.txt). */
  readmeFiles: string;
  /** Heading of the README's notes on groups and hidden types. */
  readmeNotes: string;
  /** An entity type as people read it. */
  typeLabel: (type: string) => string;
  /** A count in the language's digits grouping. */
  count: (n: number) => string;
}

/** A translator for the `export` namespace (use-intl's useTranslations or createTranslator). */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

export interface Labels {
  type: (type: string) => string;
  relation: (type: string) => string;
}

const DEFAULT_LABELS: Labels = { type: (type) => typeStyle(type).label, relation: relationshipLabel };

export function exportTexts(t: Translate, labels: Labels = DEFAULT_LABELS): ExportTexts {
  return {
    title: t('file.title'),
    summary: (entities, relationships) => t('file.summary', { entities, relationships }),
    group: (g) => t('file.group', {
      count: g.notDrawn, total: g.total, origin: g.originName,
      hasType: g.entityType ? 'yes' : 'no', type: g.entityType ? labels.type(g.entityType) : '',
      hasRelation: g.relationshipType ? 'yes' : 'no', relation: g.relationshipType ? labels.relation(g.relationshipType) : '',
    }),
    hidden: (types) => t('file.hidden', { types: types.map((x) => t('file.hiddenType', { type: labels.type(x.type), count: x.count })).join(', ') }),
    sources: (count, publishers, more) => t('file.sources', {
      count,
      hasPublishers: publishers.length > 0 ? 'yes' : 'no',
      publishers: more > 0 ? t('file.sourcesMore', { list: publishers.join(', '), more }) : publishers.join(', '),
    }),
    link: t('file.link'),
    exported: (iso) => t('file.exported', { date: new Date(iso) }),
    gone: (count) => t('file.gone', { count }),
    linkTooLong: t('file.linkTooLong'),
    readmeFiles: t('file.readmeFiles').replace(/\r?\n/g, '\r\n'),
    readmeNotes: t('file.readmeNotes'),
    typeLabel: labels.type,
    count: (count) => t('file.count', { count }),
  };
}
