import { describe, expect, it } from 'vitest';
import { parseExplorerConfig } from '../db/explorer-config';
import { chooseCaption, idLookups, resolveClause, schemaNotes, type GraphSchema, type LabelInfo } from './schema-model';

const label = (over: Partial<LabelInfo> & { label: string }): LabelInfo => ({
  count: 10, idKey: null, idKeyKind: null, caption: 'name', captionFrom: 'auto', captionIndex: null, ...over,
});

const films: GraphSchema = {
  seedShape: false, provenance: false, seedOnly: false, relationshipTypes: ['ACTED_IN'], fulltext: [], entities: 20, relationships: 5,
  labels: [
    label({ label: 'Person', idKey: 'name', idKeyKind: 'string' }),
    label({ label: 'Movie', idKey: 'released', idKeyKind: 'integer', caption: 'title' }),
    label({ label: 'Reading', caption: null }),
  ],
};

describe('chooseCaption', () => {
  const stat = (key: string, strings = 10, avgLength = 12) => ({ key, present: 10, strings, avgLength });

  it('prefers well-known names, then name-like keys, then a short text every node has', () => {
    expect(chooseCaption([stat('uuid'), stat('title'), stat('name')], 10)).toBe('name');
    expect(chooseCaption([stat('code'), stat('officialName')], 10)).toBe('officialName');
    expect(chooseCaption([stat('person_id'), stat('code', 10, 6)], 10)).toBe('code');
  });

  it('finds none where nothing is text', () => {
    expect(chooseCaption([stat('value', 0, 0)], 10)).toBeNull();
    expect(chooseCaption([], 0)).toBeNull();
  });
});

describe('ids', () => {
  it('reads Label:value with spaces, integer keys and element ids; nothing else', () => {
    expect(idLookups(films, 'Person:Keanu Reeves')).toEqual([{ kind: 'key', label: 'Person', key: 'name', value: 'Keanu Reeves' }]);
    expect(idLookups(films, 'Movie:1999')).toEqual([{ kind: 'key', label: 'Movie', key: 'released', value: 1999 }]);
    expect(idLookups(films, 'Movie:nineteen')).toEqual([]);
    expect(idLookups(films, '4:0f3c9d2e-1111-2222-3333-444455556666:12')).toEqual([{ kind: 'element', value: '4:0f3c9d2e-1111-2222-3333-444455556666:12' }]);
    expect(idLookups(films, 'Reading:1')).toEqual([]);
  });

  it('resolves with index seeks only and quotes every name', () => {
    const clause = resolveClause(films, ['Person:Keanu Reeves', 'Person:Carrie-Anne Moss'], 'n');
    expect(clause?.params).toMatchObject({ keys0: ['Keanu Reeves', 'Carrie-Anne Moss'] });
    expect(clause?.cypher).toContain('MATCH (n:`Person` {`name`: key})');
    expect(resolveClause(films, ['nothing'], 'n')).toBeNull();
  });
});

describe('schemaNotes', () => {
  it('names the labels without a caption or a key, and says when the database is empty', () => {
    const notes = schemaNotes(films).join(' ');
    expect(notes).toMatch(/No caption property found for Reading/);
    expect(notes).toMatch(/No uniqueness constraint on Reading/);
    expect(schemaNotes({ ...films, labels: [], entities: 0 })).toEqual([expect.stringContaining('empty')]);
  });
});

describe('explorer.config.json', () => {
  it('accepts caption overrides and rejects anything else with a readable message', () => {
    expect(parseExplorerConfig('{"captions": {"Movie": "title"}}')).toEqual({ captions: { Movie: 'title' } });
    expect(() => parseExplorerConfig('{"captions": {"Movie": ""}}')).toThrow(/captions.Movie/);
    expect(() => parseExplorerConfig('{"caption": {}}')).toThrow(/invalid/);
    expect(() => parseExplorerConfig('{')).toThrow(/not valid JSON/);
  });
});
