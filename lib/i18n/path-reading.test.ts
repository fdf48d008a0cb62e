import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../graph/types';
import { PLAIN_LABELS } from './labeller';
import { pathReading } from './path-reading';
import { labellerFor, translatorFor } from './translate';
import type { Locale } from './locales';

const kaz: GraphNode = { id: 'country:KAZ', type: 'Country', name: 'Kazakhstan', names: { en: 'Kazakhstan', ru: 'Казахстан', zh: '哈萨克斯坦' }, degree: 2 };
const bri: GraphNode = { id: 'initiative:bri', type: 'Initiative', name: 'Belt and Road Initiative', names: { en: 'Belt and Road Initiative', ru: 'Инициатива «Пояс и путь»', zh: '一带一路倡议' }, degree: 173 };
const conf: GraphNode = { id: 'event:brst-2023', type: 'Event', name: 'BRST 2023', names: { en: 'BRST 2023', ru: 'BRST 2023', zh: 'BRST 2023' }, degree: 35 };
const yin: GraphNode = { id: 'person:yin-hejun', type: 'Person', name: 'Yin Hejun', names: { en: 'Yin Hejun', zh: '阴和俊' }, degree: 9 };
const edge = (source: string, type: string, target: string): GraphEdge => ({ id: `${source}-${type}->${target}`, source, target, type, properties: {}, sources: [] });
const path = {
  nodes: [kaz, bri, conf, yin],
  edges: [edge('country:KAZ', 'PARTNER_OF', 'initiative:bri'), edge('event:brst-2023', 'HELD_UNDER', 'initiative:bri'), edge('person:yin-hejun', 'SPOKE_AT', 'event:brst-2023')],
};
const read = (locale: Locale, p = path) => {
  const t = translatorFor(locale, 'panels');
  return pathReading(p, labellerFor(locale), (key, values) => t(`path.reading.${key}`, values));
};

describe('a path read as one sentence', () => {
  it('reads each step in its relationship direction, with the phrases of relations.json', () => {
    const sentence = read('en');
    expect(sentence).toMatch(/^Kazakhstan partner of Belt and Road Initiative, BRST 2023 held under Belt and Road Initiative,? and Yin Hejun spoke at BRST 2023\.$/);
  });

  it('speaks Russian and Chinese, names included', () => {
    expect(read('ru')).toContain('Казахстан');
    expect(read('ru')).toContain(' и ');
    expect(read('ru')).toMatch(/\.$/);
    expect(read('zh')).toContain('哈萨克斯坦');
    expect(read('zh')).toContain('阴和俊');
    expect(read('zh')).toMatch(/。$/);
  });

  it('falls back to the name of a relationship type that has no phrase', () => {
    const foreign = { nodes: [kaz, yin], edges: [edge('country:KAZ', 'ACTED_IN', 'person:yin-hejun')] };
    expect(read('en', foreign)).toBe('Kazakhstan acted in Yin Hejun.');
    expect(pathReading(foreign, PLAIN_LABELS, (key, v) => (key === 'step' ? `${v.subject} ${v.relation} ${v.object}` : `${v.steps}.`))).toBe('Kazakhstan acted in Yin Hejun.');
  });

  it('reads a path of no steps as its one entity', () => {
    expect(read('en', { nodes: [kaz], edges: [] })).toContain('Kazakhstan');
  });
});
