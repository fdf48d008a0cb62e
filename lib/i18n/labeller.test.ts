import { describe, expect, it } from 'vitest';
import { groupKey, groupNode } from '../graph/groups';
import { toNames } from '../db/mappers';
import { previewSvg } from '../draw/preview-svg';
import { toElements } from '../draw/to-elements';
import type { GraphNode } from '../graph/types';
import { sourceDate } from './dates';
import { captionIn, PLAIN_LABELS } from './labeller';
import { labellerFor } from './translate';

const chongqing: GraphNode = { id: 'place:chongqing', type: 'Place', name: 'Chongqing', names: { en: 'Chongqing', ru: 'Чунцин', zh: '重庆' }, degree: 12 };
const yin: GraphNode = { id: 'person:yin-hejun', type: 'Person', name: 'Yin Hejun', names: { en: 'Yin Hejun', zh: '阴和俊' }, degree: 9 };
const englishOnly: GraphNode = { id: 'claim:x', type: 'Claim', name: 'China has intergovernmental S&T cooperation agreements with 80+ partners', names: { en: 'China has intergovernmental S&T cooperation agreements with 80+ partners' }, degree: 3 };
const foreign: GraphNode = { id: 'Person:Keanu Reeves', type: 'Person', name: 'Keanu Reeves', degree: 7 };

describe('captions in the interface language', () => {
  it("shows an entity's own name in the language asked for", () => {
    expect(captionIn(chongqing, 'ru')).toEqual({ text: 'Чунцин', fallback: null });
    expect(captionIn(chongqing, 'zh')).toEqual({ text: '重庆', fallback: null });
    expect(captionIn(chongqing, 'en')).toEqual({ text: 'Chongqing', fallback: null });
  });

  it('falls back to the English name, marked as such, where the sources have none in that language', () => {
    expect(captionIn(yin, 'ru')).toEqual({ text: 'Yin Hejun', fallback: 'en' });
    expect(captionIn(yin, 'zh')).toEqual({ text: '阴和俊', fallback: null });
    expect(captionIn(englishOnly, 'zh').fallback).toBe('en');
  });

  it("leaves a graph the app did not seed with its own names, unmarked, in every language", () => {
    for (const locale of ['en', 'ru', 'zh'] as const) {
      expect(captionIn(foreign, locale)).toEqual({ text: 'Keanu Reeves', fallback: null });
      expect(captionIn({ ...foreign, names: {} }, locale)).toEqual({ text: 'Keanu Reeves', fallback: null });
    }
  });

  it('keeps the fallback marker when a long name is shortened for the canvas', () => {
    const ru = labellerFor('ru');
    const line = ru.captionLine(englishOnly, 29);
    expect(line).toMatch(/^China has intergovernmental…? ?.*\[EN\]$/);
    expect([...line.replace(' [EN]', '')]).toHaveLength(29);
    expect(ru.captionLine(chongqing)).toBe('Чунцин');
  });

  it('reads data names from the database only where they are text', () => {
    expect(toNames({ ru: 'Москва', zh: null, en: '' })).toEqual({ ru: 'Москва' });
    expect(toNames(null)).toBeUndefined();
    expect(toNames('Moscow')).toBeUndefined();
  });
});

describe('type and relationship names', () => {
  it("translates the seed's entity types, with each language's plural forms", () => {
    const ru = labellerFor('ru');
    expect(ru.type('Country')).toBe('Страна');
    expect([1, 3, 5, 21, 151].map((n) => ru.typeCount('Country', n))).toEqual(['1 страна', '3 страны', '5 стран', '21 страна', '151 страна']);
    expect(labellerFor('zh').typeCount('Country', 151)).toBe('151个国家');
    expect(labellerFor('en').typeCount('Laboratory', 2)).toBe('2 laboratories');
    expect(labellerFor('en').typeCount('*', 1)).toBe('1 entity');
  });

  it('translates relationship types of the seed and shows other databases\' own names', () => {
    expect(labellerFor('ru').relationship('PARTNER_OF')).toBe('партнёр');
    expect(labellerFor('zh').relationship('SPOKE_AT')).toBe('发言于');
    expect(labellerFor('ru').relationship('ACTED_IN')).toBe('acted in');
    expect(labellerFor('ru').type('Movie')).toBe('Movie');
    expect(labellerFor('ru').typeCount('Movie', 3)).toBe('Movie: 3');
    // No plural is invented for a noun the messages do not know, in any language.
    expect(labellerFor('en').typeCount('Movie', 3)).toBe('Movie: 3');
    expect(labellerFor('zh').typeCount('Movie', 1)).toBe('Movie：1');
    // A label that happens to name a property of every object is still just a label.
    expect(labellerFor('ru').type('constructor')).toBe('constructor');
    expect(labellerFor('ru').relationship('toString')).toBe('tostring');
  });
});

describe('what the canvas and the pictures draw', () => {
  const spec = { origin: 'initiative:bri', relType: 'PARTNER_OF', entityType: 'Country' };
  const key = groupKey(spec);
  const graph = {
    nodes: [chongqing, yin, groupNode(key, spec, 151, 0)],
    edges: [{ id: 'person:yin-hejun-SPOKE_AT->place:chongqing', source: 'person:yin-hejun', target: 'place:chongqing', type: 'SPOKE_AT', properties: {}, sources: [] }],
  };
  const positions = { 'place:chongqing': { x: 0, y: 0 }, 'person:yin-hejun': { x: 300, y: 0 }, [key]: { x: 0, y: 300 } };

  it('labels canvas entities, groups and relationships in the interface language', () => {
    const elements = toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set(), labels: labellerFor('ru') });
    const label = (id: string) => elements.find((e) => e.data.id === id)?.data.label as string;
    expect(label('place:chongqing')).toBe('Чунцин\n+11');
    expect(label('person:yin-hejun')).toBe('Yin Hejun [EN]\n+8');
    expect(label(key)).toBe('151 страна\nпартнёр');
    expect(label('person:yin-hejun-SPOKE_AT->place:chongqing')).toBe('выступление на');
    const plain = toElements(graph, { positions, expanded: {}, hiddenTypes: [], pathIds: new Set(), labels: PLAIN_LABELS });
    expect(plain.find((e) => e.data.id === 'place:chongqing')?.data.label).toBe('Chongqing\n+11');
  });

  it('draws the same captions into the server-drawn picture', () => {
    const zh = previewSvg(graph, positions, { names: labellerFor('zh') });
    expect(zh).toContain('>重庆<');
    expect(zh).toContain('>阴和俊<');
    expect(zh).toContain('个国家');
    const ru = previewSvg(graph, positions, { names: labellerFor('ru') });
    expect(ru).toContain('>Yin Hejun [EN]<');
    expect(ru).toContain('>страна<');
  });
});

describe('source dates', () => {
  it('keeps the precision the data records', () => {
    expect(sourceDate('2023-11-22')?.options).toMatchObject({ day: 'numeric', month: 'long' });
    expect(sourceDate('2025-05')?.options).toEqual({ year: 'numeric', month: 'long', timeZone: 'UTC' });
    expect(sourceDate('2023')?.options).toEqual({ year: 'numeric', timeZone: 'UTC' });
    expect(sourceDate('2023-02-30')).toBeNull();
    expect(sourceDate('late 2023')).toBeNull();
    const may = sourceDate('2025-05')!;
    expect(new Intl.DateTimeFormat('ru', may.options).format(may.at)).toBe('май 2025 г.');
    expect(new Intl.DateTimeFormat('zh', may.options).format(may.at)).toBe('2025年5月');
  });
});
