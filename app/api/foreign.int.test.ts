import { spawnSync } from 'node:child_process';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSchema, getSchema } from '@/lib/db/schema';
import { loadView } from '@/lib/db/view';
import { closeNeo4j } from '@/lib/db/driver';
import { EMPTY_STATE, serializeExplorerState } from '@/lib/url-state';
import { FILMS, foreignEnv, foreignPassword, LAB, loadForeignGraph, SCIENCE, SCIENCE_HUB, type ForeignGraph } from '@/test/foreign-graphs';
import { getDataset } from '@/lib/db/dataset';
import { POST as entities } from './entities/route';
import { GET as health } from './health/route';
import { GET as neighbors } from './nodes/[id]/neighbors/route';
import { GET as node } from './nodes/[id]/route';
import { GET as paths } from './paths/route';
import { GET as search } from './search/route';
import { GET as subgraph } from './subgraph/route';
import { noteText } from '@/lib/i18n/translate';

// The API on databases the project did not seed: each graph is written into a fresh Neo4j.
const env = foreignEnv();
const request = (path: string) => new NextRequest(new URL(path, 'http://localhost'));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const enc = encodeURIComponent;

async function json(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function use(graph: ForeignGraph | null): Promise<void> {
  await closeNeo4j();
  forgetSchema();
  await loadForeignGraph(graph, env);
  process.env.NEO4J_URI = env.uri;
  process.env.NEO4J_PASSWORD = foreignPassword(env);
  // A just-started server compiles every first query: on a busy machine that can outlast the
  // default timeout, which is not what these tests are about. Discovery once, as readiness.
  process.env.NEO4J_QUERY_TIMEOUT_MS = '30000';
  await getSchema();
}

const hitIds = async (q: string) => {
  const { status, body } = await json(await search(request(`/api/search?q=${enc(q)}`)));
  expect(status, q).toBe(200);
  return { ids: (body.hits as { id: string }[]).map((h) => h.id), body };
};

afterAll(async () => {
  await closeNeo4j();
  forgetSchema();
});

describe('an empty database', () => {
  beforeAll(() => use(null));

  it('answers health, search and the starting view with clear messages, never a 500', async () => {
    expect(await json(await health())).toMatchObject({ status: 200, body: { entities: 0, notes: [expect.stringContaining('empty')] } });
    expect(await json(await search(request('/api/search?q=anything')))).toMatchObject({ status: 200, body: { hits: [], mode: 'none', note: expect.stringContaining('empty') } });
    expect((await node(request('/api/nodes/x'), params('Person:Nobody'))).status).toBe(404);
    const view = await loadView(new URLSearchParams());
    expect(view.graph.nodes).toEqual([]);
    expect(view.notes.map((n) => noteText(n)).join(' ')).toMatch(/empty/);
  });
});

describe('a films graph keyed by name and title, with its own full-text index', () => {
  beforeAll(() => use(FILMS));

  it('discovers labels, captions and keys', async () => {
    const { status, body } = await json(await health());
    expect(status).toBe(200);
    expect(body).toMatchObject({ entities: 9, graph: 'discovered', search: 'fulltext' });
    expect(body.labels).toContainEqual({ label: 'Movie', count: 3, caption: 'title', idKey: 'title' });
    expect(body.labels).toContainEqual({ label: 'Person', count: 6, caption: 'name', idKey: 'name' });
  });

  it.each([['keanu', 'Person:Keanu Reeves'], ['Война', 'Movie:Война и мир'], ['卧虎', 'Movie:卧虎藏龙'], ['matrix', 'Movie:The Matrix']])(
    'finds %s through the database\'s full-text index', async (q, id) => {
      const { ids, body } = await hitIds(q);
      expect(ids[0]).toBe(id);
      expect(body).toMatchObject({ mode: 'fulltext', indexes: ['film_names'] });
    });

  it('shows an entity whose id has spaces, with its properties as they are and no sources', async () => {
    const { status, body } = await json(await node(request('/api/nodes/x'), params('Person:Keanu Reeves')));
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'Person:Keanu Reeves', name: 'Keanu Reeves', type: 'Person', idKind: 'key', sources: [] });
    expect(body.properties).toEqual({ born: 1964, name: 'Keanu Reeves' });
    expect(body).not.toHaveProperty('idNote');
    // No sources, so no evidence grade: the app never invents one.
    expect(body).not.toHaveProperty('evidence');
    // A graph the app did not seed has names in no particular language: nothing to translate, nothing to mark.
    expect(body.names).toEqual({});
    expect(body.degreeByType).toEqual(expect.arrayContaining([{ type: 'ACTED_IN', direction: 'out', count: 1 }, { type: 'REVIEWED', direction: 'out', count: 1 }]));
  });

  it('expands a film to its cast and director', async () => {
    const { status, body } = await json(await neighbors(request('/api/nodes/x/neighbors?limit=25'), params('Movie:The Matrix')));
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect((body.nodes as { id: string }[]).map((n) => n.id).sort()).toEqual(['Movie:The Matrix', 'Person:Carrie-Anne Moss', 'Person:Keanu Reeves', 'Person:Lana Wachowski']);
    expect(body.edges).toContainEqual(expect.objectContaining({ source: 'Person:Keanu Reeves', type: 'ACTED_IN', properties: { roles: ['Neo'] } }));
    for (const item of [...(body.nodes as object[]), ...(body.edges as object[])]) expect(item).not.toHaveProperty('evidence');
  });

  it('finds a path across scripts and a subgraph by ids with spaces', async () => {
    const path = await json(await paths(request(`/api/paths?from=${enc('Person:Keanu Reeves')}&to=${enc('Person:周润发')}`)));
    expect(path.status).toBe(200);
    const first = (path.body.paths as { length: number; nodes: { id: string }[]; evidence: unknown; reading: string }[])[0]!;
    expect(first.length).toBe(2);
    expect(first.nodes.map((n) => n.id)).toContain('Movie:卧虎藏龙');
    // A graph without sources is ranked without them; relationship types without a phrase read as their names.
    expect(first.evidence).toBeNull();
    expect(first.reading).toContain('acted in');
    const sub = await json(await subgraph(request(`/api/subgraph?ids=${enc('Person:Keanu Reeves')},${enc('Movie:The Matrix')},${enc('Person:Nobody Here')}`)));
    expect(sub.body).toMatchObject({ missing: ['Person:Nobody Here'], edges: [expect.objectContaining({ type: 'ACTED_IN' })] });
  });

  it('gives an export the records of entities named in any script, properties as they are and no sources', async () => {
    const ids = ['Person:Keanu Reeves', 'Movie:卧虎藏龙', 'Movie:Война и мир', 'Person:Nobody Here'];
    const response = await entities(new NextRequest(new URL('/api/entities', 'http://localhost'), { method: 'POST', body: JSON.stringify({ ids }) }));
    const { status, body } = await json(response);
    expect(status).toBe(200);
    expect(body.missing).toEqual(['Person:Nobody Here']);
    const list = body.entities as { id: string; properties: Record<string, unknown>; sources: unknown[] }[];
    expect(list.map((e) => e.id).sort()).toEqual(['Movie:Война и мир', 'Movie:卧虎藏龙', 'Person:Keanu Reeves']);
    expect(list.find((e) => e.id === 'Person:Keanu Reeves')).toMatchObject({ properties: { born: 1964, name: 'Keanu Reeves' }, sources: [] });
  });

  it('opens a deep link naming such ids, and a first view on an entity of this graph', async () => {
    const state = { ...EMPTY_STATE, batches: [['Person:Keanu Reeves', 'Movie:卧虎藏龙']], selected: { kind: 'node' as const, id: 'Movie:卧虎藏龙' } };
    const view = await loadView(new URLSearchParams(serializeExplorerState(state)));
    expect(view.notes).toEqual([]);
    expect(view.graph.nodes.map((n) => n.id).sort()).toEqual(['Movie:卧虎藏龙', 'Person:Keanu Reeves']);
    expect(view.state.selected).toEqual({ kind: 'node', id: 'Movie:卧虎藏龙' });
    const first = await loadView(new URLSearchParams());
    expect(first.graph.nodes.length).toBeGreaterThan(1);
  });
});

describe('a science graph with Cyrillic labels, relationship types with spaces and a 250-neighbour hub', () => {
  beforeAll(() => use(SCIENCE));

  it('names the explorer after the database, with no provenance and no map', async () => {
    // Without APP_TITLE (the browser test sets one) the database's own name.
    expect(await getDataset()).toEqual({ title: 'neo4j', provenance: false, countries: false });
    // A link asking for the map opens the default layout, and says why.
    const view = await loadView(new URLSearchParams(`v=1&n=${enc(SCIENCE_HUB)}&l=map`));
    expect(view.state.layout).toBe('force');
    expect(view.notes.map((n) => noteText(n)).join(' ')).toMatch(/map/);
  });

  it('expands the hub by a Cyrillic entity type and by a relationship type with a space', async () => {
    const page = async (query: string) => json(await neighbors(request(`/api/nodes/x/neighbors?${query}`), params(SCIENCE_HUB)));
    const scientists = await page(`entityType=${enc('Учёный')}&limit=200`);
    expect(scientists.status).toBe(200);
    expect(scientists.body.total).toBe(200);
    expect((scientists.body.nodes as { id: string; type: string }[]).filter((n) => n.id !== SCIENCE_HUB).every((n) => n.type === 'Учёный')).toBe(true);
    const labs = await page(`type=${enc('PART OF')}&limit=100`);
    expect(labs.status).toBe(200);
    expect(labs.body.total).toBe(50);
    expect(labs.body.byEntityType).toEqual(expect.arrayContaining([{ type: 'Research Lab', count: 50 }]));
    // Only what cannot be a name is refused, with a clear message.
    const bad = await page('entityType=A%01B');
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/control characters/);
  });

  it('ranks, without sources, the path through a shared laboratory above the one through the 250-neighbour hub, and avoids a Cyrillic type', async () => {
    const [one, two] = [enc('Учёный:Учёный 1'), enc('Учёный:Учёный 2')];
    const { status, body } = await json(await paths(request(`/api/paths?from=${one}&to=${two}&k=2`)));
    expect(status).toBe(200);
    const found = body.paths as { nodes: { id: string }[]; evidence: unknown; hubness: number }[];
    expect(found.map((p) => p.nodes[1]!.id)).toEqual(['Research Lab:Lab 1', SCIENCE_HUB]);
    expect(found.every((p) => p.evidence === null)).toBe(true);
    const avoided = await json(await paths(request(`/api/paths?from=${one}&to=${two}&k=3&avoid=${enc('Научный центр')}`)));
    expect((avoided.body.paths as { nodes: { id: string }[] }[]).map((p) => p.nodes[1]!.id)).toEqual(['Research Lab:Lab 1']);
    const unknown = await json(await paths(request(`/api/paths?from=${one}&to=${two}&avoid=${enc('Институт')}`)));
    expect(unknown).toMatchObject({ status: 400, body: { error: 'unknown_entity_type', unknownTypes: ['Институт'] } });
  });
});

describe('a lab graph without any full-text index, with unkeyed and caption-less labels', () => {
  beforeAll(() => use(LAB));

  it('says what it could not find', async () => {
    const { body } = await json(await health());
    expect(body).toMatchObject({ entities: 7, search: 'fallback' });
    const notes = (body.notes as string[]).join(' ');
    expect(notes).toMatch(/No caption property found for Reading/);
    expect(notes).toMatch(/No uniqueness constraint on .*Site/);
  });

  it('searches by prefix or substring, says so, and finds keys with spaces and element ids', async () => {
    const sample = await hitIds('Проба');
    expect(sample.ids).toContain('Sample:Проба 1');
    expect(sample.body).toMatchObject({ mode: 'fallback', note: expect.stringContaining('npm run db:index') });
    expect((await hitIds('восток')).ids).toHaveLength(1);
    expect((await hitIds('Sample #3')).ids).toEqual(['Sample:Sample #3 (rock)']);
  });

  it('shows an element-id entity with the note that its links may break, and a caption-less one by type', async () => {
    const north = (await hitIds('North Ridge')).ids[0]!;
    expect(north).toMatch(/^\d+:[0-9a-f-]{36}:\d+$/);
    const { status, body } = await json(await node(request('/api/nodes/x'), params(north)));
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'North Ridge', type: 'Site', idKind: 'elementId', idNote: expect.stringContaining('may break') });
    const page = await json(await neighbors(request('/api/nodes/x/neighbors'), params('Sample:Проба 1')));
    const reading = (page.body.nodes as { type: string; name: string }[]).find((n) => n.type === 'Reading');
    expect(reading?.name).toMatch(/^Reading #\d+$/);
    expect((page.body.nodes as { id: string }[]).map((n) => n.id)).toContain(north);
  });

  it('finds a path and opens a deep link through element ids and keys with spaces', async () => {
    const path = await json(await paths(request(`/api/paths?from=${enc('Sample:Проба 1')}&to=${enc('Sample:样品 2')}`)));
    expect(path).toMatchObject({ status: 200, body: { paths: [expect.objectContaining({ length: 3 })] } });
    const north = (await hitIds('North Ridge')).ids[0]!;
    const view = await loadView(new URLSearchParams(serializeExplorerState({ ...EMPTY_STATE, batches: [[north, 'Sample:Sample #3 (rock)']] })));
    expect(view.notes).toEqual([]);
    expect(view.graph.edges).toEqual([expect.objectContaining({ source: 'Sample:Sample #3 (rock)', target: north, type: 'TAKEN_AT' })]);
  });

  it('npm run db:index creates the full-text index search then uses', { timeout: 120_000 }, async () => {
    const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/db-index.ts'], {
      env: { ...process.env, NEO4J_URI: env.uri, NEO4J_PASSWORD: foreignPassword(env) }, encoding: 'utf8', timeout: 110_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/explorer_text/);
    forgetSchema();
    const { ids, body } = await hitIds('vostok озеро');
    expect(body.mode).toBe('fulltext');
    expect(ids).toHaveLength(1);
    expect((await hitIds('Proba')).body.mode).toBe('fulltext');
  });
});
