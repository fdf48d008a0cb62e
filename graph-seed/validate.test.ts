import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSeedDir, SeedValidationError } from './validate';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, unknown>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'seed-validate-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const source = { id: 'src:a', publisher: 'P', title: 'T', date: '2023-11-06', url: 'https://example.org/a', reliability: 'media' };
const node = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'Place', names: { en: id }, description: 'd', sources: ['src:a'], ...extra });

function problemsOf(files: Record<string, unknown>): string {
  try {
    readSeedDir(folder(files));
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the data to be rejected');
}

describe('readSeedDir', () => {
  it('accepts a small valid folder across files', () => {
    const data = readSeedDir(folder({
      'a.json': { sources: [source], nodes: [node('place:a')] },
      'b.json': { nodes: [node('place:b')], relationships: [{ from: 'place:a', type: 'NEAR', to: 'place:b', sources: ['src:a'] }] },
    }));
    expect(data.nodes.map((n) => n.id)).toEqual(['place:a', 'place:b']);
  });

  it('names the file, the id and the problem', () => {
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('place:a', { sources: [] })] } }))
      .toContain('x.json [place:a]: nodes[0].sources: every fact needs at least one source');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('Bad Id')] } })).toMatch(/x\.json \[Bad Id\]: nodes\[0\]\.id: expected a readable id/);
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('place:a', { type: 'Place`) DETACH DELETE n //' })] } }))
      .toMatch(/nodes\[0\]\.type: expected a PascalCase type/);
  });

  it('finds broken references, duplicates and unreadable files', () => {
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('place:a'), node('place:a')] } })).toContain('duplicate id');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('place:a', { sources: ['src:missing'] })] } }))
      .toContain('[place:a]: unknown source src:missing');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [node('place:a')], relationships: [{ from: 'place:a', type: 'NEAR', to: 'place:zz', sources: ['src:a'] }] } }))
      .toContain('relationship end place:zz is not a node');
    expect(problemsOf({ 'broken.json': '{ "nodes": [' })).toMatch(/broken\.json: not valid JSON/);
  });

  it('refuses free text and mixed types in date properties', () => {
    const withProps = (properties: Record<string, unknown>) => ({ 'x.json': { sources: [source], nodes: [node('place:a', { properties })] } });
    expect(problemsOf(withProps({ signed: 'unknown (referred to in 2005)' }))).toMatch(/\[place:a\]: nodes\[0\]\.properties\.signed: signed is a date property/);
    expect(problemsOf(withProps({ startDate: '2023-11-06 (opening)' }))).toContain('startDate is a date property');
    expect(problemsOf(withProps({ year: '2027' }))).toContain('year is a year property: expected an integer year');
    expect(problemsOf(withProps({ openingDate: '2023-11-06' }))).toContain('openingDate reads as a date or year: declare it');
    expect(problemsOf(withProps({ remark: '2019-06-11 (unverified)' }))).toContain('remark mixes a date with free text');
    expect(problemsOf(withProps({ proposed: '2013' }))).toContain('proposed holds a date or year as text');
    // One type per property across records: a year as an integer here and as text there.
    const mixed = { 'x.json': { sources: [source], nodes: [node('place:a', { properties: { edition: 1 } }), node('place:b', { properties: { edition: 'first' } })] } };
    expect(problemsOf(mixed)).toMatch(/\[place:b\]: properties\.edition is text here but number on place:a: one type per property/);
    // The right forms pass.
    expect(() => readSeedDir(folder(withProps({ signed: '1976-05-30', approved: '2019-06', year: 2027, signedNote: 'date not known' })))).not.toThrow();
  });

  it('wants full names, with abbreviations only as aliases, and no name shared by two entities of a type', () => {
    const country = (id: string, names: Record<string, string>, aliases: Record<string, string[]> = {}) => node(id, { type: 'Country', names, aliases });
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [country('country:ARE', { en: 'United Arab Emirates', ru: 'ОАЭ' })] } }))
      .toContain('[country:ARE]: nodes[0].names: names.ru "ОАЭ" is an abbreviation: give the full name');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [country('country:ARE', { en: 'UAE' })] } })).toContain('names.en "UAE" is an abbreviation');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [country('country:IDN', { en: 'Indonesia', zh: '印尼' }, { zh: ['印度尼西亚'] })] } }))
      .toContain('names.zh "印尼" abbreviates its alias "印度尼西亚"');
    expect(problemsOf({ 'x.json': { sources: [source], nodes: [
      country('country:COD', { en: 'Democratic Republic of the Congo' }, { en: ['Congo'] }),
      country('country:COG', { en: 'Republic of the Congo' }, { en: ['Congo'] }),
    ] } })).toContain('[country:COG]: the name "congo" is also given to country:COD');
    // Full names with their abbreviations as aliases pass; a short name that is a prefix (重庆 of 重庆市) is not an abbreviation.
    const good = readSeedDir(folder({ 'x.json': { sources: [source], nodes: [
      country('country:ARE', { en: 'United Arab Emirates', ru: 'Объединенные Арабские Эмираты', zh: '阿拉伯联合酋长国' }, { en: ['UAE'], ru: ['ОАЭ'], zh: ['阿联酋'] }),
      node('place:chongqing', { names: { en: 'Chongqing', zh: '重庆' }, aliases: { zh: ['重庆市'] } }),
    ] } }));
    expect(good.nodes).toHaveLength(2);
  });
});

