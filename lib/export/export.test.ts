import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entitiesCsv, exportCsvZip, relationshipsCsv } from './csv-zip';
import { csvField } from './csv';
import { ENGLISH_TEXTS, GRAPH, LINK, NOW, ODD_ID, RECORDS, SOURCE_A, SOURCE_B, textsIn } from './test-view';
import { exportGexf } from './gexf';
import { exportGraphml, graphmlIds } from './graphml';
import { exportJson, JSON_FORMAT } from './json';
import { buildExportView, shownEntityIds } from './model';
import { xmlAttr, xmlText } from './xml';

const view = buildExportView({ graph: GRAPH, hiddenTypes: ['Country'], records: RECORDS, link: LINK, now: NOW });
const csv = (text: string) => parse(text, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
const xml = (text: string) => {
  expect(XMLValidator.validate(text)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'attribute', 'attvalue', 'data', 'key'].includes(name) }).parse(text) as Record<string, any>;
};

describe('what an export holds', () => {
  it('takes the entities shown, leaves hidden types and groups out, and says what they were', () => {
    expect(shownEntityIds(GRAPH, ['Country']).sort()).toEqual(['Movie:Война и мир', 'Movie:卧虎藏龙', ODD_ID, 'initiative:bri', 'place:gone'].sort());
    expect(view.entities.map((e) => e.id)).not.toContain('country:KAZ');
    expect(view.relationships.map((r) => r.type).sort()).toEqual(['ABOUT', 'LEADS']);
    expect(view.hidden).toEqual([expect.objectContaining({ type: 'Country', count: 1 })]);
    // The group's type is hidden too, so it is not drawn and not described; shown, it is.
    expect(view.groups).toEqual([]);
    const shown = buildExportView({ graph: GRAPH, hiddenTypes: [], records: RECORDS, link: LINK, now: NOW });
    expect(shown.groups).toEqual([{ origin: 'initiative:bri', originName: 'Belt and Road Initiative', relationshipType: 'PARTNER_OF', entityType: 'Country', total: 151, notDrawn: 150 }]);
    expect(ENGLISH_TEXTS.group(shown.groups[0]!)).toBe('One group stands for 150 of the 151 neighbours of Belt and Road Initiative of type Country, linked by “partner of”');
    expect(textsIn('ru').group(shown.groups[0]!)).toBe('Одна группа обозначает 150 из 151 соседей «Belt and Road Initiative» типа «Country», связь «partner of»');
    expect(textsIn('zh').summary(5, 2)).toBe('5 个实体 · 2 条关系');
    expect(textsIn('ru').summary(21, 3)).toBe('21 сущность · 3 связи');
  });

  it('marks an entity the database no longer holds instead of inventing its record', () => {
    expect(view.entities.find((e) => e.id === 'place:gone')).toMatchObject({ inDatabase: false, properties: {}, sources: [] });
    expect(view.sources.map((s) => s.id)).toEqual(['src:a', 'src:b']);
  });
});

describe('JSON', () => {
  const doc = JSON.parse(exportJson(view, ENGLISH_TEXTS)) as Record<string, any>;

  it('carries the link, the counts, properties and sources of every element', () => {
    expect(doc).toMatchObject({ format: JSON_FORMAT, link: LINK, exportedAt: NOW.toISOString(), counts: { entities: 5, relationships: 2 } });
    const odd = doc.entities.find((e: { id: string }) => e.id === ODD_ID);
    expect(odd).toMatchObject({ name: 'A "B" & <C>', properties: { motto: '+cheers', score: 1.5 }, sources: [SOURCE_A] });
    expect(doc.entities.find((e: { id: string }) => e.id === 'initiative:bri').names.zh).toBe('一带一路');
    expect(doc.relationships.find((r: { type: string }) => r.type === 'ABOUT').sources).toEqual([SOURCE_A, SOURCE_B]);
    expect(doc.hiddenTypes).toEqual([{ type: 'Country', entities: 1 }]);
    expect(doc.notes[0]).toMatch(/no longer in the database/);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('round-trips every awkward value through a real CSV parser', () => {
    const entities = csv(entitiesCsv(view));
    expect(entities).toHaveLength(5);
    const odd = entities.find((r) => r.id === ODD_ID)!;
    expect(odd.name).toBe('A "B" & <C>');
    expect(odd.description).toBe('Line one\nline two, with "quotes"');
    expect(odd['property:motto']).toBe("'+cheers");
    expect(odd.source_urls).toBe(SOURCE_A.url);
    expect(entities.find((r) => r.id === 'Movie:Война и мир')!['property:tags']).toBe('роман; Толстой');
    expect(entities.find((r) => r.id === 'initiative:bri')).toMatchObject({ name_ru: 'Инициатива «Пояс и путь»', name_zh: '一带一路', source_ids: 'src:b' });
    const rels = csv(relationshipsCsv(view));
    expect(rels).toHaveLength(2);
    expect(rels.find((r) => r.type === 'LEADS')).toMatchObject({ source: ODD_ID, target: 'initiative:bri', 'property:note': 'a, b\n"c"', source_name: 'A "B" & <C>' });
    expect(rels.find((r) => r.type === 'ABOUT')).toMatchObject({ 'property:formula': "'=SUM(A1:A2)", source_ids: 'src:a; src:b' });
  });

  it('zips the three tables with a README that holds the link and what was hidden', () => {
    const files = unzipSync(exportCsvZip(view, ENGLISH_TEXTS));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'entities.csv', 'relationships.csv', 'sources.csv']);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain(LINK);
    expect(readme).toContain('Hidden by the filter: Country (1)');
    expect(csv(strFromU8(files['sources.csv']!)).map((s) => s.publisher)).toEqual(['Xinhua', 'МИД России']);
    expect(csv(strFromU8(files['entities.csv']!))).toHaveLength(5);
  });
});

describe('XML', () => {
  it('escapes markup and keeps what XML 1.0 cannot carry visible', () => {
    expect(xmlAttr(`a"b'c<d>&e\tf\ng`)).toBe('a&quot;b&apos;c&lt;d&gt;&amp;e&#9;f&#10;g');
    expect(xmlText('1 < 2 & "ok"')).toBe('1 &lt; 2 &amp; "ok"');
    expect(xmlText('bell\u0007 and \uD800 lone')).toBe('bell\uFFFD and \uFFFD lone');
    expect(xmlText('😀 ok')).toBe('😀 ok');
  });
});

describe('GEXF', () => {
  const text = exportGexf(view, ENGLISH_TEXTS, { [ODD_ID]: { x: 10, y: 20 } });
  const doc = xml(text).gexf;

  it('is well-formed GEXF 1.3 with every entity and relationship, ids intact', () => {
    expect(doc.version).toBe('1.3');
    const nodes = doc.graph.nodes.node as Record<string, any>[];
    const edges = doc.graph.edges.edge as Record<string, any>[];
    expect(nodes.map((n) => n.id).sort()).toEqual(view.entities.map((e) => e.id).sort());
    expect(edges).toHaveLength(2);
    expect(edges.find((e) => e.label === 'LEADS')).toMatchObject({ source: ODD_ID, target: 'initiative:bri' });
    expect(nodes.find((n) => n.id === ODD_ID)?.['viz:position']).toMatchObject({ x: '10', y: '-20' });
  });

  it('carries the link in <meta> and the sources and properties as typed attributes', () => {
    expect(doc.meta.description).toContain(LINK);
    expect(doc.meta.description).toContain('Hidden by the filter: Country (1)');
    const declared = new Map<string, Record<string, string>>((doc.graph.attributes as Record<string, any>[]).flatMap((a) => a.attribute.map((x: Record<string, string>) => [`${a.class}:${x.title}`, x])));
    expect(declared.get('node:property:launched')?.type).toBe('double');
    expect(declared.get('node:property:score')?.type).toBe('string');
    const odd = (doc.graph.nodes.node as Record<string, any>[]).find((n) => n.id === ODD_ID)!;
    const value = (title: string) => odd.attvalues.attvalue.find((v: Record<string, string>) => v.for === declared.get(`node:${title}`)!.id)?.value;
    expect(value('source_urls')).toBe(SOURCE_A.url);
    expect(value('property:bad')).toBe('bell\uFFFDhere');
  });
});

describe('GraphML', () => {
  const text = exportGraphml(view, ENGLISH_TEXTS);
  const doc = xml(text).graphml;

  it('is well-formed, with name-token ids and the real id in the data', () => {
    const ids = graphmlIds(view);
    expect(ids.get('initiative:bri')).toBe('initiative:bri');
    expect(ids.get(ODD_ID)).toMatch(/^n\d+$/);
    const keys = new Map((doc.key as Record<string, string>[]).map((k) => [`${k['attr.name']}:${k.for}`, k.id]));
    const nodes = doc.graph.node as Record<string, any>[];
    const realIds = nodes.map((n) => n.data.find((d: Record<string, string>) => d.key === keys.get('id:node'))['#text']);
    expect(realIds.sort()).toEqual(view.entities.map((e) => e.id).sort());
    expect(doc.graph.edge).toHaveLength(2);
    const graphData = new Map((doc.graph.data as Record<string, string>[]).map((d) => [d.key, d['#text']]));
    expect(graphData.get(keys.get('link:graph')!)).toBe(LINK);
  });
});

describe('evidence grades', () => {
  // The same view on a graph with sources: the grades the API gave each fact travel in every format.
  const graded = buildExportView({
    graph: { nodes: GRAPH.nodes.map((n) => (n.id === 'initiative:bri' ? { ...n, evidence: 'official' as const } : n.group ? n : { ...n, evidence: 'single' as const })),
      edges: GRAPH.edges.map((e) => (e.type === 'LEADS' ? { ...e, evidence: 'weak' as const } : { ...e, evidence: 'corroborated' as const })) },
    hiddenTypes: ['Country'], records: RECORDS, link: LINK, now: NOW,
  });
  const gradeOf = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r.id, r.evidence]));

  it('are a column of both CSV tables', () => {
    expect(gradeOf(csv(entitiesCsv(graded))).get('initiative:bri')).toBe('official');
    expect(gradeOf(csv(entitiesCsv(graded))).get(ODD_ID)).toBe('single');
    expect(gradeOf(csv(relationshipsCsv(graded))).get(`${ODD_ID}-LEADS->initiative:bri`)).toBe('weak');
  });

  it('are a typed attribute in GEXF and a key in GraphML, for entities and relationships', () => {
    const gexf = xml(exportGexf(graded, ENGLISH_TEXTS, {})).gexf;
    const declared = new Map<string, string>((gexf.graph.attributes as Record<string, any>[]).flatMap((a) => a.attribute.map((x: Record<string, string>) => [`${a.class}:${x.title}`, x.id])));
    const leads = (gexf.graph.edges.edge as Record<string, any>[]).find((e) => e.label === 'LEADS')!;
    expect(leads.attvalues.attvalue.find((v: Record<string, string>) => v.for === declared.get('edge:evidence'))?.value).toBe('weak');
    const bri = (gexf.graph.nodes.node as Record<string, any>[]).find((n) => n.id === 'initiative:bri')!;
    expect(bri.attvalues.attvalue.find((v: Record<string, string>) => v.for === declared.get('node:evidence'))?.value).toBe('official');

    const graphml = xml(exportGraphml(graded, ENGLISH_TEXTS)).graphml;
    const keys = new Map((graphml.key as Record<string, string>[]).map((k) => [`${k['attr.name']}:${k.for}`, k.id]));
    const data = (item: Record<string, any>, key: string) => item.data.find((d: Record<string, string>) => d.key === keys.get(key))?.['#text'];
    const edge = (graphml.graph.edge as Record<string, any>[]).find((e) => data(e, 'label:edge') === 'LEADS')!;
    expect(data(edge, 'evidence:edge')).toBe('weak');
  });

  it('are left out on a graph without sources: no empty column', () => {
    expect(Object.keys(csv(entitiesCsv(view))[0]!)).not.toContain('evidence');
    expect(Object.keys(csv(relationshipsCsv(view))[0]!)).not.toContain('evidence');
    expect(exportGexf(view, ENGLISH_TEXTS, {})).not.toContain('title="evidence"');
    expect(exportGraphml(view, ENGLISH_TEXTS)).not.toContain('attr.name="evidence"');
  });
});
