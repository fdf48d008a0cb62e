import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchEntities } from '../lib/db/queries';
import { getNeo4j } from '../lib/db/driver';
import { fingerprint } from '../test/db';
import { DEFAULT_SEED_DIR, seedFromDir } from './load';
import type { SeedFile } from './schema';
import { seededTestDatabase } from '../test/seeded-test-db';

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

describe('Belt and Road partner status and counts after the second pass of the audit', () => {
  it('counts Austria, Russia and the Republic of the Congo as partners on their own sources, and leaves Niger unknown', async () => {
    const rows = await read(`
      UNWIND ['country:AUT', 'country:RUS', 'country:COG', 'country:NER'] AS id
      MATCH (c:Entity {id: id})
      OPTIONAL MATCH (c)-[p:PARTNER_OF]->(:Entity {id: 'initiative:bri'})
      RETURN id, c.briPartner AS status, c.gfdcStatus AS gfdc, p IS NOT NULL AS edge,
        [s IN coalesce(p.sourceIds, []) WHERE s STARTS WITH 'src:gfdc'] AS gfdcOnEdge, size(coalesce(p.sourceIds, [])) AS edgeSources
      ORDER BY id`);
    expect(rows.map((r) => r.toObject())).toEqual([
      { id: 'country:AUT', status: 'yes', gfdc: 'unclear', edge: true, gfdcOnEdge: [], edgeSources: expect.any(Object) },
      { id: 'country:COG', status: 'yes', gfdc: 'unclear', edge: true, gfdcOnEdge: [], edgeSources: expect.any(Object) },
      { id: 'country:NER', status: 'unknown', gfdc: null, edge: false, gfdcOnEdge: [], edgeSources: expect.any(Object) },
      { id: 'country:RUS', status: 'yes', gfdc: 'unclear', edge: true, gfdcOnEdge: [], edgeSources: expect.any(Object) },
    ]);
    for (const row of rows.filter((r) => r.get('edge'))) expect(row.get('edgeSources').toNumber(), row.get('id')).toBeGreaterThan(0);
    // Each settled status rests on a dated document or statement that the database can show.
    const [dates] = await read(`
      MATCH (aut:Entity {id: 'country:AUT'}), (rus:Entity {id: 'country:RUS'}), (hnd:Entity {id: 'country:HND'})
      RETURN aut.joinedBriDate AS aut, rus.briDocumentDate AS rus, hnd.joinedBriDate AS hnd, hnd.gfdcMouDate AS hndGfdc`);
    expect(dates?.toObject()).toEqual({ aut: '2018-04-08', rus: '2015-05-08', hnd: '2023-06-12', hndGfdc: '2023-10-18' });
  });

  it('matches the official 152 of June 2023 only with Niger, and says so on the initiative', async () => {
    // Partners (besides China) that had signed by the end of June 2023, going by their dates; undated ones count.
    const [row] = await read(`
      MATCH (c:Entity:Country)-[p:PARTNER_OF]->(:Entity {id: 'initiative:bri'})
      WHERE c.id <> 'country:CHN' AND coalesce(p.joinedDate, p.documentDate, '0000') <= '2023-06-30'
        AND coalesce(p.exited, '9999') > '2023-06-30'
      WITH count(c) AS signed
      MATCH (u:Entity:Country {briPartner: 'unknown'})
      RETURN signed, collect(u.id) AS unknown`);
    expect(row?.get('signed').toNumber()).toBe(151);
    expect(row?.get('unknown')).toEqual(['country:NER']);

    const [claim] = await read(`
      MATCH (c:Entity {id: 'claim:bri-partners-152-2023'})-[:ABOUT]->(bri:Entity {id: 'initiative:bri'})
      MATCH (s:Source) WHERE s.id IN c.sourceIds
      RETURN c.figure AS figure, c.asOf AS asOf, collect(s.url) AS urls, bri.partnerCountNote AS note`);
    expect([claim?.get('figure'), claim?.get('asOf')]).toEqual(['152', '2023-06']);
    expect(claim?.get('urls')).toContain('http://spanish.china.org.cn/txt/2023-09/21/content_116700606.htm');
    expect(claim?.get('note')).toMatch(/with Niger that is the 152/);
  });

  it('keeps the dated count of July 2022 and the China-Russia S&T agreement of 1992 with their sources', async () => {
    const [row] = await read(`
      MATCH (:Entity {id: 'person:wang-wenbin'})-[st:STATED]->(c:Entity {id: 'claim:bri-partners-149-2022'})
      MATCH (:Entity {id: 'country:CHN'})-[a:HAS_ST_AGREEMENT_WITH]->(:Entity {id: 'country:RUS'})
      RETURN c.asOf AS asOf, st.date AS stated, a.signed AS signed, size(a.sourceIds) AS agreementSources`);
    expect(row?.toObject()).toMatchObject({ asOf: '2022-07-04', stated: '2022-08-18', signed: '1992-12-18' });
    expect(row?.get('agreementSources').toNumber()).toBe(2);
  });
});
