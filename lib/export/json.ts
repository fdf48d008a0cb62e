import type { ExportView } from './model';
import type { ExportTexts } from './texts';

/** The format name and version in every JSON export, so a program can tell what it reads. */
export const JSON_FORMAT = 'belt-road-graph-view';
const JSON_FORMAT_VERSION = 1;

/** The view as one JSON document: entities and relationships with properties and sources, groups, what was hidden, the link. */
export function exportJson(view: ExportView, texts: ExportTexts): string {
  const entitiesGone = view.entities.filter((e) => !e.inDatabase).length;
  return `${JSON.stringify({
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    title: texts.title,
    link: view.link,
    exportedAt: view.exportedAt,
    counts: { entities: view.entities.length, relationships: view.relationships.length, groups: view.groups.length, sources: view.sources.length },
    hiddenTypes: view.hidden.map(({ type, count }) => ({ type, entities: count })),
    groups: view.groups.map((g) => ({ ...g, description: texts.group(g) })),
    notes: entitiesGone > 0 ? [texts.gone(entitiesGone)] : [],
    entities: view.entities.map(({ id, type, name, names, aliases, description, degree, properties, sources, inDatabase }) => ({
      id, type, name, names, aliases, description, degree, properties, sources, ...(inDatabase ? {} : { inDatabase }),
    })),
    relationships: view.relationships,
  }, null, 2)}\n`;
}
