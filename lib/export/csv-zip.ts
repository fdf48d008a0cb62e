import { strToU8, zipSync } from 'fflate';
import { toCsv, type CsvValue } from './csv';
import { hasEvidence, nameIndex, propertyKeys, propertyText, type ExportView } from './model';
import type { ExportTexts } from './texts';
import type { PropertyValue, SourceRef } from '../graph/types';

/**
 * The view for spreadsheets: entities.csv, relationships.csv and sources.csv, with a README.txt
 * that carries the link, the date and what the view also showed (groups, hidden types), in one zip.
 */

const LANGS = ['en', 'ru', 'zh'] as const;
const sourceCells = (sources: SourceRef[]): CsvValue[] => [sources.map((s) => s.id).join('; '), sources.map((s) => s.url).join('; ')];
const propertyCells = (keys: string[], properties: Record<string, PropertyValue>): CsvValue[] =>
  keys.map((k) => (properties[k] === undefined ? '' : propertyText(properties[k]!)));

/** The grade column, only on a graph whose facts have grades. */
const gradeHeader = (graded: boolean) => (graded ? ['evidence'] : []);
const gradeCell = (graded: boolean, grade: string | undefined): CsvValue[] => (graded ? [grade ?? ''] : []);

export function entitiesCsv(view: ExportView): string {
  const keys = propertyKeys(view.entities);
  const graded = hasEvidence(view);
  return toCsv(
    ['id', 'type', 'name', ...LANGS.map((l) => `name_${l}`), 'description', 'degree', ...gradeHeader(graded), ...keys.map((k) => `property:${k}`), 'source_ids', 'source_urls'],
    view.entities.map((e) => [e.id, e.type, e.name, ...LANGS.map((l) => e.names[l] ?? ''), e.description ?? '', e.degree, ...gradeCell(graded, e.evidence),
      ...propertyCells(keys, e.properties), ...sourceCells(e.sources)]),
  );
}

export function relationshipsCsv(view: ExportView): string {
  const keys = propertyKeys(view.relationships);
  const names = nameIndex(view);
  const graded = hasEvidence(view);
  return toCsv(
    ['id', 'source', 'type', 'target', 'source_name', 'target_name', ...gradeHeader(graded), ...keys.map((k) => `property:${k}`), 'source_ids', 'source_urls'],
    view.relationships.map((r) => [r.id, r.source, r.type, r.target, names.get(r.source) ?? '', names.get(r.target) ?? '', ...gradeCell(graded, r.evidence),
      ...propertyCells(keys, r.properties), ...sourceCells(r.sources)]),
  );
}

function sourcesCsv(view: ExportView): string {
  return toCsv(['id', 'publisher', 'title', 'date', 'url', 'reliability', 'note'],
    view.sources.map((s) => [s.id, s.publisher, s.title, s.date ?? '', s.url, s.reliability, s.note ?? '']));
}

function readmeText(view: ExportView, texts: ExportTexts): string {
  const gone = view.entities.filter((e) => !e.inDatabase).length;
  const notes = [
    ...view.groups.map((g) => `- ${texts.group(g)}`),
    ...(view.hidden.length > 0 ? [`- ${texts.hidden(view.hidden)}`] : []),
    ...(gone > 0 ? [`- ${texts.gone(gone)}`] : []),
  ];
  return [
    texts.title, '', texts.summary(view.entities.length, view.relationships.length), texts.exported(view.exportedAt), '',
    texts.link, view.link, '', texts.readmeFiles, ...(notes.length > 0 ? ['', texts.readmeNotes, ...notes] : []), '',
  ].join('\r\n');
}

/** The zip's bytes. Its entries carry the export's own time, so the same view exports the same bytes. */
export function exportCsvZip(view: ExportView, texts: ExportTexts): Uint8Array {
  const mtime = new Date(view.exportedAt);
  return zipSync({
    'README.txt': strToU8(`\uFEFF${readmeText(view, texts)}`),
    'entities.csv': strToU8(entitiesCsv(view)),
    'relationships.csv': strToU8(relationshipsCsv(view)),
    'sources.csv': strToU8(sourcesCsv(view)),
  }, { level: 6, mtime });
}
