import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseClaims, summariseClaims } from '../lib/graph/claims';
import { evidenceIndex } from '../lib/graph/evidence';
import { evidenceProperties } from './load';
import { readSeedDir, SeedValidationError } from './validate';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: unknown) => {
  dir = mkdtempSync(path.join(tmpdir(), 'seed-claims-'));
  writeFileSync(path.join(dir, 'x.json'), JSON.stringify(file));
  return readSeedDir(dir);
};
const problems = (file: unknown) => {
  try {
    read(file);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the data to be rejected');
};

const sources = [
  { id: 'src:ministry', publisher: 'Ministry of Foreign Affairs', title: 'T', date: '2017-11-17', url: 'https://www.mfa.gov.cn/a', reliability: 'official' },
  { id: 'src:paper', publisher: 'Some Paper', title: 'T', date: '2017-12-01', url: 'https://news.cgtn.com/b', reliability: 'media' },
];
const country = (properties: Record<string, unknown>, claims: unknown[]) => ({
  sources,
  nodes: [{ id: 'country:PAN', type: 'Country', names: { en: 'Panama' }, description: 'd', properties, sources: ['src:ministry', 'src:paper'], claims }],
});
const joined = (value: string, source: string, rank: string, why?: string) => ({ property: 'joinedDate', value, sources: [source], rank, ...(why ? { why } : {}) });

describe('claims: competing values of a property', () => {
  it('two disagreeing sources keep both values, each with its own evidence', () => {
    const data = read(country({ joinedDate: '2017-11-17' }, [
      joined('2017-11-17', 'src:ministry', 'preferred', 'the signing date the ministry gives'),
      joined('2017-12-01', 'src:paper', 'normal', 'the date of the report, not of the signing'),
    ]));
    const node = data.nodes[0]!;
    const stored = evidenceProperties(node, evidenceIndex(data.sources));
    expect(stored.evidence).toBe('official');
    const [summary] = summariseClaims(parseClaims(stored.claimsJson));
    expect(summary?.preferred).toMatchObject({ value: '2017-11-17', evidence: 'official', publishers: ['Ministry of Foreign Affairs'] });
    expect(summary?.others).toEqual([expect.objectContaining({ value: '2017-12-01', rank: 'normal', evidence: 'single', publishers: ['Some Paper'] })]);
  });

  it('the property must hold the preferred value, and exactly one claim is preferred', () => {
    expect(problems(country({ joinedDate: '2017-12-01' }, [joined('2017-11-17', 'src:ministry', 'preferred'), joined('2017-12-01', 'src:paper', 'normal')])))
      .toContain('properties.joinedDate is "2017-12-01" but the preferred claim says "2017-11-17"');
    expect(problems(country({}, [joined('2017-11-17', 'src:ministry', 'preferred')]))).toContain('properties.joinedDate is missing');
    expect(problems(country({ joinedDate: '2017-11-17' }, [joined('2017-11-17', 'src:ministry', 'normal')]))).toContain('expected exactly one preferred claim, found 0');
    expect(problems(country({ joinedDate: '2017-11-17' }, [joined('2017-11-17', 'src:nowhere', 'preferred')]))).toContain('claims on joinedDate: unknown source src:nowhere');
    expect(problems(country({ joinedDate: '2017-11-17' }, [joined('17 Nov 2017', 'src:ministry', 'preferred')]))).toContain('joinedDate is a date property');
  });

  it('refuses an evidence grade typed into the data', () => {
    expect(problems(country({ evidence: 'official' }, []))).toContain('evidence is computed from the sources when the data is loaded');
    expect(problems({ sources, nodes: [{ id: 'place:a', type: 'Place', names: { en: 'A' }, description: 'd', sources: ['src:paper'], evidence: 'official' }] }))
      .toMatch(/Unrecognized key.*evidence/);
  });

  it('refuses a source rated above its host and a copyOf that names nothing', () => {
    const inflated = { ...sources[1], id: 'src:mirror', url: 'https://www.marketscreener.com/x', reliability: 'media' };
    expect(problems({ sources: [...sources, inflated] })).toContain('[src:mirror]: rated media, but its address is on marketscreener.com, listed as copy');
    expect(problems({ sources: [...sources, { ...sources[1], id: 'src:copy', copyOf: 'src:gone' }] })).toContain('copyOf names an unknown source src:gone');
  });
});
