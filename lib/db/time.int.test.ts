import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeSummary } from '@/lib/analysis/visibility';
import { closeNeo4j } from '@/lib/db/driver';
import { EMPTY_STATE, serializeExplorerState } from '@/lib/url-state';
import { foreignEnv, foreignPassword, loadForeignGraph, type ForeignGraph } from '@/test/foreign-graphs';
import { getNeighbors, getSubgraph } from './queries';
import { forgetSchema, getSchema } from './schema';
import { loadView, previewOptions, previewTexts } from './view';

// Dates as the queries compute them, on the seed and on a graph the app did not seed.

describe('dates on the seed', () => {
  afterAll(async () => {
    await closeNeo4j();
    forgetSchema();
  });

  it('dates events by their days, partnerships since the year they began, claims by what they are as of', async () => {
    const { nodes, edges } = await getSubgraph(['event:brst-2023', 'country:KAZ', 'initiative:bri', 'country:ITA', 'claim:st-agreements-80plus', 'country:KGZ']);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('event:brst-2023')).toMatchObject({ time: '2023-11-06/2023-11-07', timeKey: 'startDate/endDate' });
    expect(byId.get('country:KAZ')).toMatchObject({ time: '2015-08/..', timeKey: 'joinedBriDate' });
    expect(byId.get('initiative:bri')).toMatchObject({ time: '2013/..', timeKey: 'proposedYear' });
    expect(byId.get('claim:st-agreements-80plus')).toMatchObject({ timeKey: 'asOf' });
    // Italy left the initiative: its partnership ends on the day it did.
    expect(edges.find((e) => e.source === 'country:ITA' && e.type === 'PARTNER_OF')).toMatchObject({ time: '2019-03-23/2024-03-22', timeKey: 'joinedDate/exited' });
    expect(byId.get('country:ITA')).toMatchObject({ time: '2019-03-23/2024-03-22', timeKey: 'joinedBriDate/exitedBri' });
    // Kyrgyzstan joined on a date no source gives: it stays undated rather than getting a guess.
    expect(byId.get('country:KGZ')).not.toHaveProperty('time');
    expect(edges.find((e) => e.source === 'country:KGZ')).not.toHaveProperty('time');
  });

  it('reaches the browser through the neighbours endpoint too, and most of the initiative\'s partners are dated', async () => {
    const page = await getNeighbors('initiative:bri', { limit: 200, offset: 0 });
    const countries = page!.nodes.filter((n) => n.type === 'Country');
    expect(countries.length).toBeGreaterThan(140);
    const summary = timeSummary(page!, { range: { from: 2013, to: 2015 }, undated: 'show' });
    expect(summary.extent!.from).toBeLessThanOrEqual(2013);
    // Countries that joined after 2015 are outside 2013-2015; those without a date are only counted.
    expect(summary.outside.entities).toBeGreaterThan(50);
    expect(summary.dated.entities).toBeGreaterThan(120);
    expect(summary.undated.entities).toBeGreaterThan(0);
    expect(summary.keys[0]!.key).toMatch(/^joined/);
  });

  it('opens a link with an analysis and a range: sizes and colours computed on the server, the range applied', async () => {
    const state = { ...EMPTY_STATE, batches: [['initiative:bri', 'country:KAZ', 'country:ITA', 'country:UZB', 'event:brst-2023']], size: 'pagerank' as const, colour: 'community' as const, time: { from: 2025, to: 2025 } };
    const view = await loadView(new URLSearchParams(serializeExplorerState(state)));
    expect(view.notes).toEqual([]);
    expect(view.state).toMatchObject({ size: 'pagerank', colour: 'community', time: { from: 2025, to: 2025 } });
    expect(view.style?.settings).toEqual({ size: 'pagerank', colour: 'community' });
    // Italy's memorandum lapsed in March 2024 and the conference was in 2023: neither is analysed for 2025.
    expect(Object.keys(view.style!.sizes).sort()).toEqual(['country:KAZ', 'country:UZB', 'initiative:bri']);
    expect(view.style!.top[0]).toBe('initiative:bri');
    expect(view.styleKey).toEqual(expect.any(String));
  });

  it('gives the share image a subtitle that counts what it draws in the range and names the range', async () => {
    const batch = ['initiative:bri', 'country:KAZ', 'country:ITA', 'country:UZB', 'event:brst-2023'];
    const open = await loadView(new URLSearchParams(serializeExplorerState({ ...EMPTY_STATE, batches: [batch], selected: { kind: 'node', id: 'initiative:bri' } })));
    expect(previewTexts(open, previewOptions(open), 'en')).toEqual({ title: 'Belt and Road Initiative', subtitle: '5 entities · every fact sourced' });
    const ranged = await loadView(new URLSearchParams(serializeExplorerState({ ...EMPTY_STATE, batches: [batch], time: { from: 2025, to: 2025 }, undated: 'hide' })));
    // Italy's memorandum lapsed in March 2024 and the conference was in 2023: both out of 2025.
    const hidden = previewOptions(ranged).hiddenIds!;
    expect(['country:ITA', 'event:brst-2023'].every((id) => hidden.has(id))).toBe(true);
    const drawn = batch.filter((id) => !hidden.has(id)).length;
    expect(drawn).toBe(3);
    expect(previewTexts(ranged, previewOptions(ranged), 'en').subtitle).toBe(`${drawn} entities · 2025–2025 · every fact sourced`);
    expect(previewTexts(ranged, previewOptions(ranged), 'ru').subtitle).toContain('2025–2025');
  });
});

// Another project's graph: Neo4j temporal values under any key, ISO text and years under date-named keys.
const EVENTS: ForeignGraph = {
  name: 'events',
  statements: [
    'CREATE CONSTRAINT meeting_code FOR (m:Meeting) REQUIRE m.code IS UNIQUE',
    'CREATE CONSTRAINT org_name FOR (o:Org) REQUIRE o.name IS UNIQUE',
    `CREATE (kickoff:Meeting {code: 'M1', title: 'Kickoff', held: date('2021-03-04')}),
            (review:Meeting {code: 'M2', title: 'Review', startDate: '2022-05-01', endDate: '2022-05-03'}),
            (acme:Org {name: 'Acme', founded: 1999, legend: '2020', reason: '2021-01-01 was chosen'}),
            (plain:Org {name: 'Undated Ltd', motto: 'Since always'}),
            (acme)-[:HOSTED {on: datetime('2021-03-04T09:00:00Z')}]->(kickoff),
            (plain)-[:ATTENDED {validFrom: '2022-05', validTo: '2023'}]->(review),
            (acme)-[:FUNDS {amount: 2000}]->(plain)`,
  ],
};

describe('dates on a graph the app did not seed', () => {
  const env = foreignEnv();

  beforeAll(async () => {
    await closeNeo4j();
    forgetSchema();
    await loadForeignGraph(EVENTS, env);
    process.env.NEO4J_URI = env.uri;
    process.env.NEO4J_PASSWORD = foreignPassword(env);
    process.env.NEO4J_QUERY_TIMEOUT_MS = '30000';
    await getSchema();
  });

  afterAll(async () => {
    await closeNeo4j();
    forgetSchema();
  });

  it('reads temporal values of any key and date-looking values of date-named keys, and says which key', async () => {
    const { nodes, edges } = await getSubgraph(['Meeting:M1', 'Meeting:M2', 'Org:Acme', 'Org:Undated Ltd']);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('Meeting:M1')).toMatchObject({ time: '2021-03-04', timeKey: 'held' });
    expect(byId.get('Meeting:M2')).toMatchObject({ time: '2022-05-01/2022-05-03', timeKey: 'startDate/endDate' });
    expect(byId.get('Org:Acme')).toMatchObject({ time: '1999/..', timeKey: 'founded' });
    expect(byId.get('Org:Undated Ltd')).not.toHaveProperty('time');
    const edge = (type: string) => edges.find((e) => e.type === type);
    expect(edge('HOSTED')).toMatchObject({ time: '2021-03-04', timeKey: 'on' });
    expect(edge('ATTENDED')).toMatchObject({ time: '2022-05/2023', timeKey: 'validFrom/validTo' });
    expect(edge('FUNDS')).not.toHaveProperty('time');
  });
});
