import { typeStyle } from '../draw/entity-style';
import { nodeSize } from '../draw/to-elements';
import type { Positions } from '../layout/compute-layout';
import { attributeColumns, ENTITY_FIELDS, evidenceField, type AttributeColumn } from './attributes';
import { toRgb } from './color';
import type { ExportEntity, ExportRelationship, ExportView } from './model';
import type { ExportTexts } from './texts';
import { xmlAttr, xmlElement } from './xml';

/**
 * GEXF 1.3 for Gephi, written here rather than with graphology-gexf: its XML writer (xml-writer, no
 * release since 2017) escapes only the first quote or ampersand of an attribute value and never a
 * "<", so a name like `"A" & "B"` would break the file. Entities keep their ids (any text is a valid
 * GEXF id), colours and positions as drawn (y flipped: Gephi's y axis points up); relationships are
 * directed, labelled and typed by their relationship type. <meta> carries the link, the date and
 * what the view also showed; each element carries its sources as attributes.
 */

export function metaDescription(view: ExportView, texts: ExportTexts): string {
  const gone = view.entities.filter((e) => !e.inDatabase).length;
  return [
    texts.summary(view.entities.length, view.relationships.length), texts.exported(view.exportedAt),
    `${texts.link} ${view.link}`,
    ...view.groups.map((g) => texts.group(g)),
    ...(view.hidden.length > 0 ? [texts.hidden(view.hidden)] : []),
    ...(gone > 0 ? [texts.gone(gone)] : []),
    texts.sources(view.sources.length, [], 0),
  ].join('\n');
}

const entityColumns = (view: ExportView) => attributeColumns<ExportEntity>(view.entities, [
  ...ENTITY_FIELDS,
  ...evidenceField(view.entities),
], 'n');

const relationshipColumns = (view: ExportView) => attributeColumns<ExportRelationship>(view.relationships, [
  { title: 'type', type: 'string', value: (r) => r.type },
  ...evidenceField(view.relationships),
], 'e');

function declare<T>(kind: 'node' | 'edge', columns: AttributeColumn<T>[]): string {
  return `<attributes class="${kind}">${columns.map((c) => xmlElement('attribute', { id: c.id, title: c.title, type: c.type })).join('')}</attributes>`;
}

function values<T>(columns: AttributeColumn<T>[], item: T): string {
  const cells = columns.map((c) => ({ c, v: c.value(item) })).filter(({ v }) => v !== null && v !== '');
  return cells.length === 0 ? '' : `<attvalues>${cells.map(({ c, v }) => xmlElement('attvalue', { for: c.id, value: v! })).join('')}</attvalues>`;
}

export function exportGexf(view: ExportView, texts: ExportTexts, positions: Positions): string {
  const nodeColumns = entityColumns(view);
  const edgeColumns = relationshipColumns(view);
  const nodes = view.entities.map((e) => {
    const { r, g, b } = toRgb(typeStyle(e.type).color);
    const p = positions[e.id];
    return `<node id="${xmlAttr(e.id)}" label="${xmlAttr(e.name)}">${values(nodeColumns, e)}`
      + `${xmlElement('viz:color', { r, g, b })}${xmlElement('viz:size', { value: nodeSize(e.degree) / 2 })}`
      + `${p ? xmlElement('viz:position', { x: round(p.x), y: round(-p.y), z: 0 }) : ''}</node>`;
  });
  const edges = view.relationships.map((rel) =>
    `<edge id="${xmlAttr(rel.id)}" source="${xmlAttr(rel.source)}" target="${xmlAttr(rel.target)}" label="${xmlAttr(rel.type)}" kind="${xmlAttr(rel.type)}">${values(edgeColumns, rel)}</edge>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `<meta lastmodifieddate="${view.exportedAt.slice(0, 10)}">${xmlElement('creator', {}, texts.title)}${xmlElement('description', {}, metaDescription(view, texts))}</meta>`,
    '<graph defaultedgetype="directed" mode="static">',
    declare('node', nodeColumns),
    declare('edge', edgeColumns),
    `<nodes count="${nodes.length}">`, ...nodes, '</nodes>',
    `<edges count="${edges.length}">`, ...edges, '</edges>',
    '</graph>',
    '</gexf>',
    '',
  ].join('\n');
}

const round = (n: number) => Math.round(n * 100) / 100;
