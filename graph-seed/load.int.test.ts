import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../test/db';
import { DEFAULT_SEED_DIR, seedFromDir } from './load';
import { seededTestDatabase } from '../test/seeded-test-db';
import { readSeedDir, SeedValidationError } from './validate';

const { driver, database, read } = seededTestDatabase();

describe('the seed loader', () => {
  it('changes nothing when run a second time', async () => {
    const before = await fingerprint(driver, database);
    const counts = await seedFromDir(driver, database);
    const after = await fingerprint(driver, database);
    expect(counts.created).toEqual({ nodes: 0, relationships: 0, sources: 0 });
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(counts.nodes);
    expect(before.relationships).toBeGreaterThanOrEqual(counts.relationships);
  });

  it('rejects an invalid file with its name, the record id and the problem, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    try {
      cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
      const file = path.join(dir, 'core.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: string; sources: string[]; description: string }[] };
      const victim = data.nodes.find((node) => node.id === 'person:yin-hejun');
      if (!victim) throw new Error('seed data lost person:yin-hejun');
      victim.sources = [];
      victim.description = 'changed by the test; must never reach the database';
      writeFileSync(file, JSON.stringify(data));
      const before = await fingerprint(driver, database);

      const attempt = seedFromDir(driver, database, dir);
      await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
      await expect(attempt).rejects.toThrow(/core\.json \[person:yin-hejun\]: nodes\[\d+\]\.sources: every fact needs at least one source/);
      expect(await fingerprint(driver, database)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes what the data no longer holds, and only from its own dataset', async () => {
    const original = await fingerprint(driver, database);
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    try {
      cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
      const file = path.join(dir, 'core.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: string; type: string }[]; relationships: { from: string; to: string }[] };
      const gone = 'lab:cetc-33-shanxi';
      data.nodes = data.nodes.filter((n) => n.id !== gone);
      data.relationships = data.relationships.filter((r) => r.from !== gone && r.to !== gone);
      const retyped = data.nodes.find((n) => n.id === 'place:yuelai-icc')!;
      retyped.type = 'Venue';
      writeFileSync(file, JSON.stringify(data));

      const counts = await seedFromDir(driver, database, dir, 'default');
      expect(counts.removed).toBeGreaterThan(0);
      const [row] = await read(`RETURN EXISTS { MATCH (:Entity {id: $gone}) } AS stillThere,
        COLLECT { MATCH (n:Entity {id: 'place:yuelai-icc'}) RETURN labels(n) }[0] AS labels`, { gone });
      expect(row?.get('stillThere')).toBe(false);
      expect([...(row?.get('labels') as string[])].sort()).toEqual(['Entity', 'Venue']);

      // Another dataset loaded into the same database does not remove this one.
      const other = mkdtempSync(path.join(tmpdir(), 'seed-other-'));
      writeFileSync(path.join(other, 'other.json'), JSON.stringify({
        sources: [{ id: 'src:other', publisher: 'P', title: 'T', date: null, url: 'https://example.org/', reliability: 'media' }],
        nodes: [{ id: 'test:other', type: 'Place', names: { en: 'Other' }, description: 'd', sources: ['src:other'] }],
      }));
      await seedFromDir(driver, database, other, 'another');
      rmSync(other, { recursive: true, force: true });
      expect((await read('MATCH (n:Entity {dataset: "default"}) RETURN count(n) AS n'))[0]?.get('n').toNumber()).toBe(readSeedDir(dir).nodes.length);
      expect((await read('MATCH (n:Entity {id: "test:other"}) RETURN n.dataset AS d'))[0]?.get('d')).toBe('another');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await driver.executeQuery('MATCH (n:Entity {dataset: "another"}) DETACH DELETE n', {}, { database });
      await driver.executeQuery('MATCH (s:Source {dataset: "another"}) DELETE s', {}, { database });
      await seedFromDir(driver, database);
    }
    expect(await fingerprint(driver, database)).toEqual(original);
  });
});

describe('the seeded graph', () => {
  it('gives every entity and every relationship at least one existing source', async () => {
    const [row] = await read(`
      CALL () { MATCH (n:Entity) WHERE size(coalesce(n.sourceIds, [])) = 0
                  OR any(id IN n.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }) RETURN count(n) AS badNodes }
      CALL () { MATCH ()-[r]->() WHERE size(coalesce(r.sourceIds, [])) = 0
                  OR any(id IN r.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }) RETURN count(r) AS badRels }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
      RETURN badNodes, badRels, rels`);
    expect(row?.get('badNodes').toNumber()).toBe(0);
    expect(row?.get('badRels').toNumber()).toBe(0);
    expect(row?.get('rels').toNumber()).toBeGreaterThan(300);
  });

  it('holds at least 80 Belt and Road partner countries with ISO codes', async () => {
    const [row] = await read(`
      MATCH (c:Country)-[:PARTNER_OF]->(:Entity {id: 'initiative:bri'})
      WHERE c.iso3 =~ '[A-Z]{3}' AND c.id = 'country:' + c.iso3
      RETURN count(DISTINCT c) AS partners`);
    expect(row?.get('partners').toNumber()).toBeGreaterThanOrEqual(80);
  });

  it('links the conference to Chongqing, the initiative and the ministry, and Yin Hejun to the ministry', async () => {
    const links = await read(`
      MATCH (c:Entity {id: 'event:brst-2023'})
      RETURN EXISTS { (c)-[:HELD_IN]->(:Entity {id: 'place:chongqing'}) } AS inChongqing,
             EXISTS { (c)<-[:PUT_FORWARD_AT]-(:Entity {id: 'document:istc-initiative'}) } AS initiative,
             EXISTS { (c)<-[:CO_HOSTED]-(:Entity {id: 'org:most'}) } AS ministry,
             EXISTS { (:Entity {id: 'person:yin-hejun'})-[:MINISTER_OF]->(:Entity {id: 'org:most'}) } AS minister`);
    expect(links[0]?.toObject()).toEqual({ inChongqing: true, initiative: true, ministry: true, minister: true });
  });

  it('models the 80+ agreements as a sourced claim, with per-country links only where a source names the country', async () => {
    const [claim] = await read(`
      MATCH (c:Claim {id: 'claim:st-agreements-80plus'})
      RETURN c.sourceIds AS sources, COUNT { (c)--(:Country) } AS countryLinks`);
    expect((claim?.get('sources') as string[]).length).toBeGreaterThan(0);
    const agreements = await read(`
      MATCH (:Entity {id: 'country:CHN'})-[r:HAS_ST_AGREEMENT_WITH]->(c:Country) RETURN c.id AS id, r.sourceIds AS sources`);
    expect(agreements.length).toBeGreaterThan(0);
    expect(agreements.length).toBeLessThan(80);
    for (const record of agreements) expect((record.get('sources') as string[]).length).toBeGreaterThan(0);
  });
});
