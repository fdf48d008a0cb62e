import { attributeColumns, ENTITY_FIELDS, evidenceField, type AttributeColumn } from './attributes';
import { metaDescription } from './gexf';
import type { ExportEntity, ExportRelationship, ExportView } from './model';
import type { ExportTexts } from './texts';
import { xmlAttr, xmlElement } from './xml';

/**
 * GraphML for yEd, Cytoscape desktop, NetworkX and Gephi. GraphML wants node ids to be XML name
 * tokens: an entity id that is one (`country:KAZ`) is used as it is, any other (`Person:Keanu
 * Reeves`) becomes `n<index>`; the real id is always in the `id` data. The graph's own data carries
 * the link, the date and the description.
 */

const NMTOKEN = /^[\p{L}\p{N}\p{M}._:\u00B7-]+$/u;

const nodeColumns = (view: ExportView) => attributeColumns<ExportEntity>(view.entities, [
  { title: 'id', type: 'string', value: (e) => e.id },
  { title: 'label', type: 'string', value: (e) => e.name },
  ...ENTITY_FIELDS,
  ...evidenceField(view.entities),
], 'kn');

const edgeColumns = (view: ExportView) => attributeColumns<ExportRelationship>(view.relationships, [
  { title: 'id', type: 'string', value: (r) => r.id },
  { title: 'label', type: 'string', value: (r) => r.type },
  ...evidenceField(view.relationships),
], 'ke');

function keys<T>(kind: 'node' | 'edge', columns: AttributeColumn<T>[]): string[] {
  return columns.map((c) => xmlElement('key', { id: c.id, for: kind, 'attr.name': c.title, 'attr.type': c.type }));
}

function data<T>(columns: AttributeColumn<T>[], item: T): string {
  return columns.map((c) => ({ c, v: c.value(item) })).filter(({ v }) => v !== null && v !== '').map(({ c, v }) => xmlElement('data', { key: c.id }, String(v))).join('');
}

/** The GraphML node id of each entity (its own id when XML allows it). */
export function graphmlIds(view: ExportView): Map<string, string> {
  const taken = new Set(view.entities.map((e) => e.id).filter((id) => NMTOKEN.test(id)));
  let next = 0;
  const fresh = () => {
    while (taken.has(`n${next}`)) next += 1;
    taken.add(`n${next}`);
    return `n${next}`;
  };
  return new Map(view.entities.map((e) => [e.id, NMTOKEN.test(e.id) ? e.id : fresh()]));
}

export function exportGraphml(view: ExportView, texts: ExportTexts): string {
  const nodeCols = nodeColumns(view);
  const edgeCols = edgeColumns(view);
  const ids = graphmlIds(view);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    xmlElement('key', { id: 'kg0', for: 'graph', 'attr.name': 'title', 'attr.type': 'string' }),
    xmlElement('key', { id: 'kg1', for: 'graph', 'attr.name': 'link', 'attr.type': 'string' }),
    xmlElement('key', { id: 'kg2', for: 'graph', 'attr.name': 'exported', 'attr.type': 'string' }),
    xmlElement('key', { id: 'kg3', for: 'graph', 'attr.name': 'description', 'attr.type': 'string' }),
    ...keys('node', nodeCols),
    ...keys('edge', edgeCols),
    '<graph id="view" edgedefault="directed">',
    xmlElement('data', { key: 'kg0' }, texts.title),
    xmlElement('data', { key: 'kg1' }, view.link),
    xmlElement('data', { key: 'kg2' }, view.exportedAt),
    xmlElement('data', { key: 'kg3' }, metaDescription(view, texts)),
    ...view.entities.map((e) => `<node id="${xmlAttr(ids.get(e.id)!)}">${data(nodeCols, e)}</node>`),
    ...view.relationships.map((r) => `<edge source="${xmlAttr(ids.get(r.source)!)}" target="${xmlAttr(ids.get(r.target)!)}">${data(edgeCols, r)}</edge>`),
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}
