import { createTranslator } from 'use-intl/core';
import { groupKey } from '../graph/groups';
import { CATALOG } from '../i18n/messages';
import type { Locale } from '../i18n/locales';
import { exportTexts, type Translate } from './texts';
import type { EntityRecord, GraphNode, SourceRef, Subgraph } from '../graph/types';

/** A small view with every awkward case an export must carry: ids with spaces and markup, three scripts, a group, a hidden type. */

export const SOURCE_A: SourceRef = { id: 'src:a', publisher: 'Xinhua', title: 'Report, "quoted"', date: '2023-11-07', url: 'https://example.org/a?x=1&y=2', reliability: 'media' };
export const SOURCE_B: SourceRef = { id: 'src:b', publisher: 'МИД России', title: '重庆 会议', date: null, url: 'https://example.org/b', reliability: 'official' };

export const ODD_ID = `Person:A "B" & <C>, 'D'; ~!@#$%^*()[]{}|\\/?`;
const GROUP = groupKey({ origin: 'initiative:bri', relType: 'PARTNER_OF', entityType: 'Country' });

const node = (id: string, type: string, name: string, degree = 3): GraphNode => ({ id, type, name, degree });

export const GRAPH: Subgraph = {
  nodes: [
    node('initiative:bri', 'Initiative', 'Belt and Road Initiative', 160),
    node(ODD_ID, 'Person', 'A "B" & <C>'),
    node('Movie:Война и мир', 'Document', 'Война и мир'),
    node('Movie:卧虎藏龙', 'Document', '卧虎藏龙'),
    node('place:gone', 'Place', 'Gone place', 1),
    node('country:KAZ', 'Country', 'Kazakhstan'),
    { id: GROUP, type: 'Country', name: '150 countries\npartner of', degree: 150, group: { origin: 'initiative:bri', relType: 'PARTNER_OF', entityType: 'Country', total: 151, remaining: 150 } },
  ],
  edges: [
    { id: `${ODD_ID}-LEADS->initiative:bri`, source: ODD_ID, target: 'initiative:bri', type: 'LEADS', properties: { note: 'a, b\n"c"', since: 2013 }, sources: [SOURCE_A] },
    { id: 'Movie:卧虎藏龙-ABOUT->Movie:Война и мир', source: 'Movie:卧虎藏龙', target: 'Movie:Война и мир', type: 'ABOUT', properties: { formula: '=SUM(A1:A2)', tags: ['x', 'y'] }, sources: [SOURCE_A, SOURCE_B] },
    { id: 'country:KAZ-PARTNER_OF->initiative:bri', source: 'country:KAZ', target: 'initiative:bri', type: 'PARTNER_OF', properties: {}, sources: [SOURCE_B] },
    { id: `initiative:bri-PARTNER_OF->${GROUP}`, source: 'initiative:bri', target: GROUP, type: 'PARTNER_OF', properties: {}, sources: [] },
  ],
};

const record = (n: GraphNode, extra: Partial<EntityRecord>): EntityRecord => ({
  ...n, names: {}, aliases: {}, description: null, properties: {}, sources: [], ...extra,
});

export const RECORDS: EntityRecord[] = [
  record(GRAPH.nodes[0]!, { names: { en: 'Belt and Road Initiative', ru: 'Инициатива «Пояс и путь»', zh: '一带一路' }, properties: { launched: 2013, official: true }, sources: [SOURCE_B] }),
  record(GRAPH.nodes[1]!, { description: 'Line one\nline two, with "quotes"', properties: { motto: '+cheers', score: 1.5, bad: 'bell\u0007here' }, sources: [SOURCE_A] }),
  record(GRAPH.nodes[2]!, { names: { ru: 'Война и мир' }, properties: { tags: ['роман', 'Толстой'] }, sources: [SOURCE_B] }),
  record(GRAPH.nodes[3]!, { names: { zh: '卧虎藏龙' }, properties: { score: 'n/a' }, sources: [SOURCE_A] }),
  record(GRAPH.nodes[5]!, { names: { en: 'Kazakhstan' }, sources: [SOURCE_B] }),
];

export const LINK = 'http://localhost/?v=1&n=initiative:bri;Person:A%20%22B%22&hide=Country';
export const NOW = new Date('2026-11-20T10:30:00Z');

/** The export texts in a language, as the interface builds them. */
export function textsIn(locale: Locale) {
  return exportTexts(createTranslator({ locale, messages: CATALOG[locale], namespace: 'export', timeZone: 'UTC' }) as unknown as Translate);
}
export const ENGLISH_TEXTS = textsIn('en');
