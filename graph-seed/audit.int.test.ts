import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchEntities } from '../lib/graph/queries';
import { getNeo4j } from '../lib/neo4j/driver';
import { fingerprint } from '../test/db';
import { DEFAULT_SEED_DIR, seedFromDir } from './load';
import type { SeedFile } from './schema';
import { seededTestDatabase } from './seeded-test-db';

// The names and facts corrected by the source audit, checked in the real database.
const { driver, database, read } = seededTestDatabase();
afterAll(async () => {
  await getNeo4j().driver.close();
});

describe('search by full and abbreviated country names', () => {
  it.each([
    // Full names find their country first, not a country that shares a few characters with it.
    ['印度尼西亚', 'country:IDN'], ['波斯尼亚和黑塞哥维那', 'country:BIH'], ['阿拉伯联合酋长国', 'country:ARE'],
    ['中非共和国', 'country:CAF'], ['刚果民主共和国', 'country:COD'], ['刚果共和国', 'country:COG'],
    ['Объединенные Арабские Эмираты', 'country:ARE'], ['Южно-Африканская Республика', 'country:ZAF'],
    ['Кыргызстан', 'country:KGZ'], ['Туркменистан', 'country:TKM'], ['Молдова', 'country:MDA'],
    // The abbreviations still find their countries, as aliases.
    ['ОАЭ', 'country:ARE'], ['ЮАР', 'country:ZAF'], ['ЦАР', 'country:CAF'], ['印尼', 'country:IDN'], ['波黑', 'country:BIH'],
    ['Киргизия', 'country:KGZ'], ['Молдавия', 'country:MDA'],
  ])('%s finds %s first', async (q, id) => {
    const hits = await searchEntities(q, 5);
    expect(hits[0]?.id, JSON.stringify(hits.map((hit) => hit.id))).toBe(id);
  });

  it('offers both Congos for "Congo", since neither owns the bare name', async () => {
    const hits = await searchEntities('Congo', 5);
    expect(hits.slice(0, 2).map((hit) => hit.id).sort()).toEqual(['country:COD', 'country:COG']);
    const [row] = await read(`MATCH (n:Country) WHERE 'Congo' IN coalesce(n.aliases_en, []) OR n.name_en = 'Congo' RETURN count(n) AS n`);
    expect(row?.get('n').toNumber()).toBe(0);
  });
});

describe('re-seeding after the audit', () => {
  it('removes the withdrawn facts that an earlier load had written', async () => {
    const original = await fingerprint(driver, database);
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-audit-'));
    try {
      // The graph as it was before the audit, in the points the audit withdrew.
      cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
      const core = path.join(dir, 'core.json');
      const data = JSON.parse(readFileSync(core, 'utf8')) as SeedFile;
      data.relationships.push({
        from: 'lab:cetc-33-shanxi', type: 'ASSOCIATED_WITH', to: 'program:bri-joint-labs',
        properties: { verified: false, reason: 'MOST designation not given in the source' }, sources: ['src:chinadaily-shanxi-2021-08-25'],
      });
      const bri = data.nodes.find((node) => node.id === 'initiative:bri');
      if (!bri) throw new Error('seed data lost initiative:bri');
      bri.sources.push('src:plataforma-2021-12-10');
      writeFileSync(core, JSON.stringify(data));
      await seedFromDir(driver, database, dir, 'default');
      const withdrawn = `RETURN EXISTS { MATCH (:Entity {id: 'lab:cetc-33-shanxi'})-[:ASSOCIATED_WITH]->(:Entity {id: 'program:bri-joint-labs'}) } AS oldLink,
        'src:plataforma-2021-12-10' IN COLLECT { MATCH (n:Entity {id: 'initiative:bri'}) UNWIND n.sourceIds AS s RETURN s } AS oldSource`;
      const [before] = await read(withdrawn);
      expect([before?.get('oldLink'), before?.get('oldSource')]).toEqual([true, true]);

      // Loading the corrected seed takes them out again and keeps the corrected link.
      const counts = await seedFromDir(driver, database);
      expect(counts.removed).toBeGreaterThan(0);
      const [after] = await read(withdrawn);
      expect([after?.get('oldLink'), after?.get('oldSource')]).toEqual([false, false]);
      const [link] = await read(`MATCH (:Entity {id: 'lab:cetc-33-shanxi'})-[r:PART_OF]->(:Entity {id: 'program:bri-joint-labs'}) RETURN r.verified AS verified`);
      expect(link?.get('verified')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await seedFromDir(driver, database);
    }
    expect(await fingerprint(driver, database)).toEqual(original);
  });

  it('stores years as integers and dates as ISO strings, whatever the record', async () => {
    const [row] = await read(`
      MATCH (c:Entity {id: 'country:AFG'})-[p:PARTNER_OF]->(:Entity {id: 'initiative:bri'})
      MATCH (:Entity {id: 'country:CHN'})-[s:HAS_ST_AGREEMENT_WITH]->(:Entity {id: 'country:PAK'})
      MATCH (w:Entity {id: 'person:wang-zhigang'})-[m:MINISTER_OF]->(:Entity {id: 'org:most'})
      RETURN valueType(c.joinedBri) AS yearType, valueType(p.joined) AS edgeYearType, toString(c.joinedBri) AS year,
        p.joinedDate AS date, s.signed AS signed, m.until AS until`);
    expect([row?.get('yearType'), row?.get('edgeYearType'), row?.get('year')]).toEqual(['INTEGER NOT NULL', 'INTEGER NOT NULL', '2016']);
    expect([row?.get('date'), row?.get('signed'), row?.get('until')]).toEqual(['2016-05', '1976-05-30', '2023-10-24']);
  });
});
