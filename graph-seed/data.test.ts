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
    const allLow = dataset.relationships.filter((rel) => rel.sources.every((ref) => reliability.get(ref) === 'low'));
    expect(allLow.filter((rel) => rel.properties.verified !== false).map(relationshipKey)).toEqual([]);
  });

  it('gives countries their full names and keeps abbreviations as aliases', () => {
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]));
    expect(byId.get('country:IDN')).toMatchObject({ names: { zh: '印度尼西亚' }, aliases: { zh: ['印尼'] } });
    expect(byId.get('country:BIH')).toMatchObject({ names: { zh: '波斯尼亚和黑塞哥维那' }, aliases: { zh: ['波黑'] } });
    expect(byId.get('country:ARE')?.names.ru).toBe('Объединенные Арабские Эмираты');
    expect(byId.get('country:ARE')?.aliases.ru).toContain('ОАЭ');
    expect(byId.get('country:ZAF')?.aliases.ru).toContain('ЮАР');
    expect(byId.get('country:CAF')?.aliases.ru).toContain('ЦАР');
    expect(byId.get('country:KGZ')?.names.ru).toBe('Кыргызстан');
    expect(byId.get('country:TKM')?.names.ru).toBe('Туркменистан');
    expect(byId.get('country:MDA')?.names.ru).toBe('Молдова');
    for (const id of ['country:COD', 'country:COG']) expect(byId.get(id)?.aliases.en ?? []).not.toContain('Congo');
  });

  it('keeps dates as ISO dates or integer years', () => {
    const partner = dataset.relationships.filter((rel) => rel.type === 'PARTNER_OF');
    for (const rel of partner) {
      if (rel.properties.joined !== undefined) expect(Number.isInteger(rel.properties.joined), relationshipKey(rel)).toBe(true);
      if (rel.properties.joinedDate !== undefined) expect(rel.properties.joinedDate).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]));
    // GFDC's 1 December 2013 is China's own date: shared by others it is a placeholder, not a joining year.
    // Pakistan's signing report (its Planning Commission) gives the date instead.
    expect(byId.get('country:PAK')?.properties).toMatchObject({ gfdcDateIsPlaceholder: true, joinedBri: 2017, joinedBriDate: '2017-05-13' });
    // Kyrgyzstan has only the placeholder: no joining year rather than a guess. Belarus had only it
    // too, until Xinhua's report of the signing of 29 September 2016 was found.
    expect(byId.get('country:KGZ')?.properties).toMatchObject({ gfdcDateIsPlaceholder: true });
    expect(byId.get('country:KGZ')?.properties.joinedBri).toBeUndefined();
    expect(byId.get('country:BLR')?.properties).toMatchObject({ gfdcDateIsPlaceholder: true, joinedBriDate: '2016-09-29' });
    // Dates the GFDC copy had wrong, as signing reports give them.
    expect(byId.get('country:PAN')?.properties).toMatchObject({ joinedBriDate: '2017-11-17', gfdcMouDate: '2017-06' });
    expect(byId.get('country:QAT')?.properties).toMatchObject({ joinedBri: 2014, joinedBriDate: '2014-11' });
    expect(byId.get('country:URY')?.properties.joinedBriDate).toMatch(/^2018-08/);
    expect(byId.get('country:PER')?.properties).toMatchObject({ joinedBriDate: '2019-04-25' });
    expect(byId.get('country:SUR')?.properties).toMatchObject({ joinedBriDate: '2018-05' });
    expect(byId.get('country:AFG')?.properties).toMatchObject({ joinedBri: 2016, gfdcMouDate: '2023-05' });
    expect(byId.get('country:JOR')?.properties).toMatchObject({ partnerWhenArticlePublished: false });
    // Honduras signed on 12 June 2023 (Xinhua); GFDC's later date stays as GFDC's.
    expect(byId.get('country:HND')?.properties).toMatchObject({ joinedBriDate: '2023-06-12', gfdcMouDate: '2023-10-18' });
  });

  it('settles the partner status GFDC calls unclear only where a source does, and keeps Niger unknown', () => {
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]));
    const gfdcSources = new Set(['src:gfdc-bri-countries', 'src:gfdc-page-copy']);
    const edgeOf = (id: string) => dataset.relationships.find((rel) => rel.type === 'PARTNER_OF' && rel.from === id);
    for (const id of ['country:AUT', 'country:RUS', 'country:COG']) {
      expect(byId.get(id)?.properties, id).toMatchObject({ briPartner: 'yes', gfdcStatus: 'unclear' });
      const edge = edgeOf(id);
      expect(edge?.properties.gfdcStatus, id).toBe('unclear');
      // GFDC calls these unclear, so it cannot be what supports the edge.
      expect(edge?.sources.length, id).toBeGreaterThan(0);
      expect(edge?.sources.filter((ref) => gfdcSources.has(ref)), id).toEqual([]);
    }
    expect(byId.get('country:AUT')?.properties).toMatchObject({ joinedBri: 2018, joinedBriDate: '2018-04-08' });
    expect(byId.get('country:RUS')?.properties).toMatchObject({ briDocumentDate: '2015-05-08' });
    expect(byId.get('country:RUS')?.properties.joinedBri).toBeUndefined();
    expect(byId.get('country:NER')?.properties.briPartner).toBe('unknown');
    expect(edgeOf('country:NER')).toBeUndefined();
    // Every country that is or was a partner has its edge, and no other country has one; those that left are former partners.
    const countries = dataset.nodes.filter((n) => n.type === 'Country');
    for (const country of countries) expect(Boolean(edgeOf(country.id)), country.id).toBe(['yes', 'former'].includes(String(country.properties.briPartner)));
    expect(byId.get('country:ITA')?.properties).toMatchObject({ briPartner: 'former', exitedBri: '2024-03-22' });
    expect(byId.get('country:PAN')?.properties).toMatchObject({ briPartner: 'former', exitedBri: '2025-02-06' });
    expect(edgeOf('country:ITA')?.properties.exited).toBe('2024-03-22');
    // Where the signing report and the GFDC list disagree, both values stay, each with its sources.
    expect(edgeOf('country:PAN')?.claims?.map((c) => [c.value, c.rank, c.sources.includes('src:gfdc-bri-countries')])).toEqual([
      ['2017-11-17', 'preferred', false], ['2017-06', 'deprecated', true],
    ]);
    expect(countries.filter((c) => c.properties.briPartner === 'former').map((c) => c.id).sort()).toEqual(['country:ITA', 'country:PAN']);
  });

  it('records the official partner counts as dated claims with their sources', () => {
    const byId = new Map(dataset.nodes.map((n) => [n.id, n]));
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const count152 = byId.get('claim:bri-partners-152-2023');
    expect(count152?.properties).toMatchObject({ figure: '152', internationalOrganisations: 32, asOf: '2023-06' });
    expect(count152?.sources.map((ref) => sources.get(ref)?.url)).toContain('http://spanish.china.org.cn/txt/2023-09/21/content_116700606.htm');
    expect(byId.get('claim:bri-partners-149-2022')?.properties).toMatchObject({ figure: '149', asOf: '2022-07-04' });
    // A date recovered from the release's own dateline.
    expect(sources.get('src:ichongqing-brst')?.date).toBe('2023-11-07');
    expect(byId.get('initiative:bri')?.properties.partnerCounts).toEqual(expect.arrayContaining([
      expect.stringMatching(/^152 countries and 32 international organisations.*June 2023/),
    ]));
  });
});

