import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '@/graph-seed/load';
import { readSeedDir } from '@/graph-seed/validate';
import { alpha3FromName, countryCode } from './country-code';

const seed = readSeedDir(DEFAULT_SEED_DIR).nodes.map((n) => ({ id: n.id, name: n.names.en, type: n.type, properties: n.properties }));
const seedCountries = seed.filter((n) => n.id.startsWith('country:'));

describe('countryCode', () => {
  it('reads the code of every seed country from its id, and from its name alone', () => {
    expect(seedCountries.length).toBeGreaterThan(150);
    for (const node of seedCountries) {
      const code = node.id.slice('country:'.length);
      expect(countryCode(node), node.id).toBe(code);
      // Cabo Verde is "Cape Verde" in the ISO English names: the seed's id carries it.
      if (code !== 'CPV') expect(countryCode({ ...node, id: `n:${node.name}`, properties: {} }), node.name).toBe(code);
    }
  });

  it('takes no other entity of the seed for a country', () => {
    for (const node of seed.filter((n) => !n.id.startsWith('country:'))) expect(countryCode(node), node.id).toBeNull();
  });

  it('resolves countries of other graphs by their English name', () => {
    expect(countryCode({ id: 'n42', name: 'Kenya', type: 'Country' })).toBe('KEN');
    expect(countryCode({ id: 'wd:Q1008', name: 'Côte d’Ivoire', type: 'country' })).toBe('CIV');
    expect(countryCode({ id: 'x', name: 'The Gambia', type: 'countries' })).toBe('GMB');
    expect(countryCode({ id: 'x', name: 'Russia', type: 'Country' })).toBe('RUS');
  });

  it('reads ISO code properties of any common spelling', () => {
    expect(countryCode({ id: 'a', name: 'République française', type: 'Country', properties: { iso_a3: 'fra' } })).toBe('FRA');
    expect(countryCode({ id: 'b', name: 'Қазақстан', type: 'Country', properties: { ISO2: 'KZ' } })).toBe('KAZ');
    expect(countryCode({ id: 'c', name: 'Somewhere', type: 'Country', properties: { iso3: 'ZZZ', iso2: 'EG' } })).toBe('EGY');
  });

  it('gives null for unknown names, unassigned codes and entities that are not countries', () => {
    expect(countryCode({ id: 'x', name: 'Atlantis', type: 'Country' })).toBeNull();
    expect(countryCode({ id: 'country:ZZZ', name: 'Nowhere', type: 'Country' })).toBeNull();
    expect(countryCode({ id: 'org:kenya', name: 'Kenya', type: 'Organization' })).toBeNull();
    // A city carrying its country's code is still a city.
    expect(countryCode({ id: 'place:paris', name: 'Paris', type: 'Place', properties: { iso3: 'FRA' } })).toBeNull();
  });
});

describe('alpha3FromName', () => {
  it('understands the seed names that differ from the ISO short names', () => {
    expect(alpha3FromName('Kyrgyz Republic')).toBe('KGZ');
    expect(alpha3FromName('Lao PDR')).toBe('LAO');
    expect(alpha3FromName('Slovak Republic')).toBe('SVK');
    expect(alpha3FromName('Federated States of Micronesia')).toBe('FSM');
    expect(alpha3FromName('Syria')).toBe('SYR');
  });

  it('refuses a name that could be more than one country', () => {
    expect(alpha3FromName('Aus')).toBeNull();
    expect(alpha3FromName('Guinea')).toBe('GIN');
  });
});
