import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { timeSummary } from '@/lib/analysis/visibility';
import { getNeo4j } from '@/lib/db/driver';
import { comparePaths, HUB_DEGREE, type PathsResult, type RankedPath } from '@/lib/graph/paths';
import { drawnPath, loadView, previewOptions } from '@/lib/db/view';
import { EMPTY_STATE, serializeExplorerState } from '@/lib/url-state';
import { newPathState } from '@/lib/url-path';
import { GET as paths } from './paths/route';

// Ranked paths through the route handler, as Next calls it, against the seeded test database.
async function get(query: string): Promise<{ status: number; body: PathsResult & { error?: string; message?: string; missing?: string[] } }> {
  const response = await paths(new NextRequest(new URL(`/api/paths?${query}`, 'http://localhost')));
  return { status: response.status, body: await response.json() };
}
const KAZ = 'country:KAZ';
const YIN = 'person:yin-hejun';
const BRI = 'initiative:bri';
const JOINT_LABS = 'program:bri-joint-labs';
const ITA = 'country:ITA';
const ids = (p: RankedPath) => p.nodes.map((n) => n.id);
const inner = (p: RankedPath) => p.nodes.slice(1, -1);

afterAll(async () => {
  await getNeo4j().driver.close();
});

describe('GET /api/paths: ranked paths', () => {
  it('answers k distinct simple paths between the two ends, each with its steps, sources and reading', async () => {
    const { status, body } = await get(`from=${KAZ}&to=${YIN}&k=3`);
    expect(status).toBe(200);
    expect(body.paths).toHaveLength(3);
    expect(new Set(body.paths.map((p) => ids(p).join('>'))).size).toBe(3);
    for (const p of body.paths) {
      expect(ids(p)[0]).toBe(KAZ);
      expect(ids(p).at(-1)).toBe(YIN);
      expect(new Set(ids(p)).size).toBe(p.nodes.length);
      expect(p.length).toBe(p.edges.length);
      expect(p.edges.length).toBe(p.nodes.length - 1);
      // Each relationship links the two entities it stands between, in either direction.
      p.edges.forEach((e, i) => expect([e.source, e.target].sort()).toEqual([ids(p)[i], ids(p)[i + 1]].sort()));
      for (const e of p.edges) {
        expect(e.sources.length).toBeGreaterThan(0);
        expect(e.sources[0]).toMatchObject({ id: expect.any(String), publisher: expect.any(String), reliability: expect.stringMatching(/official|media|copy|low/) });
      }
      expect(p.evidence).toMatchObject({ strength: expect.any(Number), sources: expect.any(Number) });
      expect(p.reading).toContain('Kazakhstan');
      expect(p.reading).toContain('Yin Hejun');
    }
    // k absent: three; k=1: the first of them.
    expect((await get(`from=${KAZ}&to=${YIN}`)).body.paths.map(ids)).toEqual(body.paths.map(ids));
    expect((await get(`from=${KAZ}&to=${YIN}&k=1`)).body.paths.map(ids)).toEqual([ids(body.paths[0]!)]);
  });

  it('ranks shortest first, then by evidence (a graph without sources: foreign.int.test.ts, the hub rule)', async () => {
    const { body } = await get(`from=${KAZ}&to=${YIN}&k=10`);
    expect(body.paths.length).toBeGreaterThan(3);
    for (let i = 1; i < body.paths.length; i++) expect(comparePaths(body.paths[i - 1]!, body.paths[i]!)).toBeLessThan(0);
    expect(body.paths[0]!.length).toBeLessThanOrEqual(body.paths.at(-1)!.length);

    // Kazakhstan reaches the joint-laboratories programme in two steps either through the initiative
    // (173 relationships; both steps corroborated) or through its own laboratory (one source each):
    // evidence comes before specificity, so the initiative's path comes first despite the hub.
    const labs = await get(`from=${KAZ}&to=${JOINT_LABS}&k=2`);
    const [first, second] = labs.body.paths;
    expect(first!.length).toBe(2);
    expect(second!.length).toBe(2);
    expect(ids(first!)).toContain(BRI);
    expect(ids(second!)).not.toContain(BRI);
    expect(first!.evidence!.strength).toBeGreaterThan(second!.evidence!.strength);
    expect(first!.hubness).toBeGreaterThan(second!.hubness);
  });

  it('honours the relationship types allowed', async () => {
    const types = ['PARTNER_COUNTRY', 'PART_OF', 'IN_FIELD'];
    const { status, body } = await get(`from=${KAZ}&to=${JOINT_LABS}&k=5&types=${types.join(',')}`);
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    for (const p of body.paths) for (const e of p.edges) expect(types).toContain(e.type);
    expect(body.options.types.sort()).toEqual([...types].sort());
  });

  it('leaves out avoided entities, entity types and hubs', async () => {
    const byId = await get(`from=${KAZ}&to=${YIN}&k=5&avoid=${BRI}`);
    expect(byId.body.paths.length).toBeGreaterThan(0);
    for (const p of byId.body.paths) expect(ids(p)).not.toContain(BRI);

    const hubs = await get(`from=${KAZ}&to=${YIN}&k=5&avoid=hubs`);
    expect(hubs.body.options.avoidHubs).toBe(true);
    expect(hubs.body.paths.length).toBeGreaterThan(0);
    for (const p of hubs.body.paths) for (const n of inner(p)) expect(n.degree).toBeLessThanOrEqual(HUB_DEGREE);

    const all = await get(`from=${KAZ}&to=${YIN}&k=5`);
    expect(all.body.paths.some((p: RankedPath) => inner(p).some((n) => n.type === 'Initiative'))).toBe(true);
    const byType = await get(`from=${KAZ}&to=${YIN}&k=5&avoid=Initiative,Claim`);
    expect(byType.body.paths.length).toBeGreaterThan(0);
    for (const p of byType.body.paths) for (const n of inner(p)) expect(['Initiative', 'Claim']).not.toContain(n.type);
  });

  it('keeps to the years asked for, dropping undated relationships when asked', async () => {
    for (const query of ['t=2013-2016', 't=2013-2016&undated=hide', 't=2023&undated=hide']) {
      const range = /t=(\d+)(?:-(\d+))?/.exec(query)!;
      const undated = query.includes('hide') ? 'hide' : 'show';
      const { status, body } = await get(`from=${KAZ}&to=${YIN}&k=3&${query}`);
      expect(status).toBe(200);
      expect(body.options.time).toEqual({ from: Number(range[1]), to: Number(range[2] ?? range[1]) });
      for (const p of body.paths) {
        // What the view's time filter would hide: nothing on the path (its two ends are what was asked for).
        const hidden = timeSummary({ nodes: inner(p), edges: p.edges }, { range: body.options.time, undated }).hidden;
        expect([...hidden]).toEqual([]);
      }
      if (body.paths.length === 0) expect(body).toMatchObject({ reason: 'none_with_options', message: expect.stringContaining('with these options') });
    }
    // Italy's Belt and Road partnership ran from March 2019 until its memorandum lapsed in March 2024:
    // from the initiative the shortest path is that partnership, but not in 2025 (nor in 2013-2016),
    // when another way is found.
    const partnership = (p: RankedPath) => p.edges.some((e) => e.source === ITA && e.type === 'PARTNER_OF' && e.target === BRI);
    const always = await get(`from=${BRI}&to=${ITA}&k=3`);
    expect(partnership(always.body.paths[0]!)).toBe(true);
    for (const t of ['2025', '2013-2016']) {
      const { body } = await get(`from=${BRI}&to=${ITA}&k=3&t=${t}`);
      expect(body.paths.length, t).toBeGreaterThan(0);
      expect(body.paths.some(partnership), t).toBe(false);
    }
  });

  it('refuses unknown relationship types and ids with a 400 naming them', async () => {
    const type = await get(`from=${KAZ}&to=${YIN}&types=PARTNER_OF,NOT_A_TYPE`);
    expect(type).toMatchObject({ status: 400, body: { error: 'unknown_type', message: expect.stringContaining('NOT_A_TYPE') } });
    // Any text can name a type (`not-a-type` is only unknown here); a control character cannot.
    expect(await get(`from=${KAZ}&to=${YIN}&types=not-a-type`)).toMatchObject({ status: 400, body: { error: 'unknown_type' } });
    const bad = await get(`from=${KAZ}&to=${YIN}&types=bad%01type`);
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_params', message: expect.stringContaining('types') } });
    const id = await get(`from=${KAZ}&to=zz:z`);
    expect(id).toMatchObject({ status: 400, body: { error: 'unknown_id', missing: ['zz:z'], message: expect.stringContaining('zz:z') } });
    const avoided = await get(`from=${KAZ}&to=${YIN}&avoid=zz:gone`);
    expect(avoided).toMatchObject({ status: 400, body: { error: 'unknown_id', missing: ['zz:gone'] } });
    // An entity type to avoid that the graph does not have is named, with the types it has.
    const type2 = await get(`from=${KAZ}&to=${YIN}&avoid=Initiative,Article`);
    expect(type2).toMatchObject({ status: 400, body: { error: 'unknown_entity_type', unknownTypes: ['Article'], message: expect.stringMatching(/Article.*Country/) } });
    for (const query of ['k=0', 'k=11', 't=2020-2010', 'undated=maybe', 'lang=fr', 'maxHops=99']) {
      expect((await get(`from=${KAZ}&to=${YIN}&${query}`)).status, query).toBe(400);
    }
  });

  it('says so when there is no path', async () => {
    const { status, body } = await get(`from=${KAZ}&to=${YIN}&maxHops=1`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ paths: [], reason: 'none_within_hops', message: expect.stringContaining('No path within 1') });
    const filtered = await get(`from=${KAZ}&to=${YIN}&types=SPOKE_AT`);
    expect(filtered.body).toMatchObject({ paths: [], reason: 'none_with_options' });
  });

  it('reads the paths in the language asked for', async () => {
    const { body } = await get(`from=${KAZ}&to=${YIN}&k=1&lang=ru`);
    expect(body.paths[0]!.reading).toContain('Казахстан');
    const zh = await get(`from=${KAZ}&to=${YIN}&k=1&lang=zh`);
    expect(zh.body.paths[0]!.reading).toContain('哈萨克斯坦');
    expect(zh.body.paths[0]!.reading).toMatch(/。$/);
  });

  it('opens a link on the chosen path: the first render and the share image draw that one', async () => {
    const { body } = await get(`from=${KAZ}&to=${YIN}&k=3`);
    const second = body.paths[1]!;
    const state = { ...EMPTY_STATE, batches: [[KAZ, YIN], ids(second)], path: { ...newPathState(KAZ, YIN), index: 1 } };
    const query = serializeExplorerState(state);
    expect(query).toContain('pi=2');
    const view = await loadView(new URLSearchParams(query));
    expect(view.notes).toEqual([]);
    expect(ids(drawnPath(view)!)).toEqual(ids(second));
    const drawn = previewOptions(view).pathIds;
    for (const id of [...ids(second), ...second.edges.map((e) => e.id)]) expect(drawn?.has(id), id).toBe(true);
    // A link written before ranked paths (p=from,to only) opens on the first.
    const old = await loadView(new URLSearchParams(`v=1&n=${KAZ};${YIN}&p=${KAZ},${YIN}`));
    expect(old.notes).toEqual([]);
    expect(ids(drawnPath(old)!)).toEqual(ids(body.paths[0]!));
  });
});
