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
});
