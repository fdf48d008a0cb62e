import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from './load';
import { readSeedDir, relationshipKey } from './validate';

// Checks the committed seed data without a database: the loader would refuse it otherwise.
const dataset = readSeedDir(DEFAULT_SEED_DIR);
const nodeIds = new Set(dataset.nodes.map((n) => n.id));

describe('the seed data', () => {
  it('has unique ids and relationships whose ends exist', () => {
    expect(nodeIds.size).toBe(dataset.nodes.length);
    const keys = dataset.relationships.map(relationshipKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rel of dataset.relationships) {
      expect(nodeIds.has(rel.from), rel.from).toBe(true);
      expect(nodeIds.has(rel.to), rel.to).toBe(true);
    }
  });

  it('cites a defined source for every entity and relationship, and every source has a URL', () => {
    const sourceIds = new Set(dataset.sources.map((s) => s.id));
    for (const fact of [...dataset.nodes, ...dataset.relationships]) {
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const ref of fact.sources) expect(sourceIds.has(ref), ref).toBe(true);
    }
    for (const source of dataset.sources) expect(source.url).toMatch(/^https?:\/\//);
  });

  it('names the article\'s entities in English, Russian and Chinese where sourced', () => {
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]));
    expect(byId.get('place:chongqing')?.names).toMatchObject({ en: 'Chongqing', ru: 'Чунцин', zh: '重庆' });
    expect(byId.get('person:yin-hejun')?.names).toMatchObject({ en: 'Yin Hejun', ru: 'Инь Хэцзюнь', zh: '阴和俊' });
  });

  it('never presents a low-reliability source as the only support of a verified relationship', () => {
    const reliability = new Map(dataset.sources.map((s) => [s.id, s.reliability]));
    for (const rel of dataset.relationships) {
      const allLow = rel.sources.every((ref) => reliability.get(ref) === 'low');
      if (allLow) expect(rel.properties.verified, relationshipKey(rel)).toBe(false);
    }
  });
});
