import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCountries } from './build-countries';

describe('countries.json', () => {
  it('is exactly what build-countries makes of the country tables (rebuild it after editing graph-seed/countries/)', () => {
    const committed = JSON.parse(readFileSync(path.join(__dirname, '..', 'data', 'countries.json'), 'utf8'));
    expect(buildCountries()).toEqual(committed);
  });
});
