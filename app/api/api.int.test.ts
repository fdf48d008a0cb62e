import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { getNeo4j } from '@/lib/db/driver';
import { POST as entities } from './entities/route';
import { GET as health } from './health/route';
import { GET as neighbors } from './nodes/[id]/neighbors/route';
import { GET as node } from './nodes/[id]/route';
import { GET as paths } from './paths/route';
import { GET as search } from './search/route';
import { GET as subgraph } from './subgraph/route';

// The route handlers, called as Next calls them, against the real test database.
const request = (path: string) => new NextRequest(new URL(path, 'http://localhost'));
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function json(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

afterAll(async () => {
  await getNeo4j().driver.close();
});

describe('GET /api/search', () => {
  it.each([
    ['Chongqing', 'place:chongqing'], ['chongq', 'place:chongqing'], ['Chongqng', 'place:chongqing'], ['CHONGQING', 'place:chongqing'],
    ['Чунцин', 'place:chongqing'], ['重庆', 'place:chongqing'],
    ['Yin Hejun', 'person:yin-hejun'], ['Инь Хэцзюнь', 'person:yin-hejun'], ['阴和俊', 'person:yin-hejun'],
    ['Sao Tome', 'country:STP'], ['São Tomé', 'country:STP'], ['Kazahstan', 'country:KAZ'],
  ])('ranks the right entity first for %s', async (q, id) => {
    const { status, body } = await json(await search(request(`/api/search?q=${encodeURIComponent(q)}&limit=5`)));
    expect(status).toBe(200);
    const hits = body.hits as { id: string; name: string; type: string; score: number }[];
    expect(hits[0]?.id).toBe(id);
    expect(hits[0]).toMatchObject({ name: expect.any(String), type: expect.any(String), score: expect.any(Number) });
  });

  it('treats Lucene syntax as text, never as an error', async () => {
    for (const q of ['AND (', '*', '"', '~', 'a:b OR c', '\\', '/x/', '{!x}', ')))', 'NOT', '+-&&||!^[]']) {
      const { status, body } = await json(await search(request(`/api/search?q=${encodeURIComponent(q)}`)));
      expect(status, q).toBe(200);
      expect(Array.isArray(body.hits), q).toBe(true);
    }
  });

  it('rejects missing, overlong and out-of-range parameters with a message', async () => {
    expect(await json(await search(request('/api/search')))).toMatchObject({ status: 400, body: { error: 'invalid_params', message: expect.stringContaining('q') } });
    expect((await search(request(`/api/search?q=${'x'.repeat(201)}`))).status).toBe(400);
    expect(await json(await search(request('/api/search?q=x&limit=0')))).toMatchObject({ status: 400, body: { message: expect.stringContaining('limit') } });
    expect((await search(request('/api/search?q=x&limit=5.5'))).status).toBe(400);
  });
});

describe('GET /api/nodes/{id}', () => {
  it('returns names in three languages, properties, degree by type and sources', async () => {
    const { status, body } = await json(await node(request('/api/nodes/person:yin-hejun'), params('person:yin-hejun')));
    expect(status).toBe(200);
    expect(body.names).toEqual({ en: 'Yin Hejun', ru: 'Инь Хэцзюнь', zh: '阴和俊' });
    expect(body.degreeByType).toContainEqual({ type: 'MINISTER_OF', direction: 'out', count: 1 });
    expect((body.sources as { url: string }[]).length).toBeGreaterThan(0);
    expect(body.properties).not.toHaveProperty('search_en');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect(await json(await node(request('/api/nodes/nope:x'), params('nope:x')))).toMatchObject({ status: 404, body: { error: 'not_found' } });
    // Spaces may be part of another graph's ids: unknown, not malformed.
    expect((await node(request('/api/nodes/x'), params('a b'))).status).toBe(404);
    expect((await node(request('/api/nodes/x'), params('a\u0007b'))).status).toBe(400);
  });
});

describe('GET /api/nodes/{id}/neighbors', () => {
  it('pages a hub with a stable order, the total and counts by type', async () => {
    const first = await json(await neighbors(request('/api/nodes/initiative:bri/neighbors?limit=25'), params('initiative:bri')));
    const second = await json(await neighbors(request('/api/nodes/initiative:bri/neighbors?limit=25&offset=25'), params('initiative:bri')));
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThan(150);
    const ids = (page: typeof first) => (page.body.nodes as { id: string }[]).map((n) => n.id).filter((id) => id !== 'initiative:bri');
    expect(ids(first)).toHaveLength(25);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(first.body.byEntityType).toContainEqual({ type: 'Country', count: expect.any(Number) });
    expect((first.body.byRelationshipType as { type: string; count: number }[]).find((t) => t.type === 'PARTNER_OF')?.count).toBeGreaterThan(150);
  });

  it('filters by relationship type', async () => {
    const { body } = await json(await neighbors(request('/api/nodes/initiative:bri/neighbors?type=PARTNER_OF&limit=5'), params('initiative:bri')));
    expect((body.edges as { type: string }[]).every((e) => e.type === 'PARTNER_OF')).toBe(true);
    expect(body.total).toBeGreaterThan(150);
  });

  it('answers 404 for an unknown id and 400 for bad paging', async () => {
    expect((await neighbors(request('/api/nodes/x:y/neighbors'), params('x:y'))).status).toBe(404);
    expect((await neighbors(request('/api/nodes/x/neighbors?limit=1000'), params('initiative:bri'))).status).toBe(400);
    expect((await neighbors(request('/api/nodes/x/neighbors?offset=-1'), params('initiative:bri'))).status).toBe(400);
    expect((await neighbors(request('/api/nodes/x/neighbors?type=a%01b'), params('initiative:bri'))).status).toBe(400);
    // Any text without control characters is a type name (another graph's may have spaces): no match, no error.
    expect((await neighbors(request('/api/nodes/x/neighbors?type=a%20b'), params('initiative:bri'))).status).toBe(200);
  });
});

describe('GET /api/subgraph', () => {
  it('returns the entities, the relationships among them, and lists unknown ids', async () => {
    const { status, body } = await json(await subgraph(request('/api/subgraph?ids=person:yin-hejun,org:most,nope:z')));
    expect(status).toBe(200);
    expect((body.nodes as { id: string }[]).map((n) => n.id)).toEqual(['org:most', 'person:yin-hejun']);
    expect(body.edges).toContainEqual(expect.objectContaining({ type: 'MINISTER_OF', source: 'person:yin-hejun', target: 'org:most' }));
    expect(body.missing).toEqual(['nope:z']);
  });

  it("carries each entity's names in the other interface languages, and only those the sources give", async () => {
    const { body } = await json(await subgraph(request('/api/subgraph?ids=place:chongqing,region:yangtze-river-economic-belt')));
    const byId = new Map((body.nodes as { id: string; name: string; names?: unknown }[]).map((n) => [n.id, n]));
    expect(byId.get('place:chongqing')).toMatchObject({ name: 'Chongqing', names: { en: 'Chongqing', ru: 'Чунцин', zh: '重庆' } });
    expect(byId.get('region:yangtze-river-economic-belt')).toMatchObject({ names: { en: 'Yangtze River Economic Belt' } });
    const hits = (await json(await search(request(`/api/search?q=${encodeURIComponent('Чунцин')}&limit=3`)))).body.hits as { id: string; names?: unknown }[];
    expect(hits[0]).toMatchObject({ id: 'place:chongqing', names: { en: 'Chongqing', ru: 'Чунцин', zh: '重庆' } });
  });

  it('rejects an empty or absurdly long list', async () => {
    expect((await subgraph(request('/api/subgraph'))).status).toBe(400);
    expect((await subgraph(request('/api/subgraph?ids=,,'))).status).toBe(400);
    const many = Array.from({ length: 600 }, (_, i) => `x:${i}`).join(',');
    expect((await subgraph(request(`/api/subgraph?ids=${many}`))).status).toBe(400);
  });
});

describe('POST /api/entities', () => {
  const post = (body: unknown) => new NextRequest(new URL('/api/entities', 'http://localhost'), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('returns the names, properties and sources of each entity in one read, sorted, and lists unknown ids', async () => {
    const { status, body } = await json(await entities(post({ ids: ['person:yin-hejun', 'country:KAZ', 'nope:z', 'country:KAZ'] })));
    expect(status).toBe(200);
    const list = body.entities as { id: string; names: Record<string, string>; properties: Record<string, unknown>; sources: { url: string; publisher: string }[] }[];
    expect(list.map((e) => e.id)).toEqual(['country:KAZ', 'person:yin-hejun']);
    expect(list[1]!.names).toEqual({ en: 'Yin Hejun', ru: 'Инь Хэцзюнь', zh: '阴和俊' });
    for (const entity of list) {
      expect(entity.sources.length, entity.id).toBeGreaterThan(0);
      expect(entity.sources[0]!.url).toMatch(/^https?:\/\//);
      // The seed's bookkeeping (search keys, source ids) stays out of what a user exports.
      expect(Object.keys(entity.properties).filter((k) => k.startsWith('search_') || k === 'sourceIds')).toEqual([]);
    }
    expect(body.missing).toEqual(['nope:z']);
  });

  it('matches what the entity page shows for the same entity', async () => {
    const one = (await json(await node(request('/api/nodes/person:yin-hejun'), params('person:yin-hejun')))).body;
    const { body } = await json(await entities(post({ ids: ['person:yin-hejun'] })));
    const [record] = body.entities as Record<string, unknown>[];
    for (const key of ['id', 'type', 'name', 'names', 'aliases', 'description', 'properties', 'sources']) expect(record![key], key).toEqual(one[key]);
  });

  it('answers a view of a thousand entities in one request', async () => {
    const hub = (await json(await neighbors(request('/api/nodes/initiative:bri/neighbors?limit=200'), params('initiative:bri')))).body;
    const ids = (hub.nodes as { id: string }[]).map((n) => n.id);
    const padded = [...ids, ...Array.from({ length: 1000 - ids.length }, (_, i) => `missing:${i}`)];
    const { status, body } = await json(await entities(post({ ids: padded })));
    expect(status).toBe(200);
    expect((body.entities as unknown[]).length).toBe(ids.length);
    expect((body.missing as unknown[]).length).toBe(1000 - ids.length);
  });

  it('refuses a body that is not a bounded list of ids, with a message', async () => {
    for (const bad of ['not json', {}, { ids: [] }, { ids: 'country:KAZ' }, { ids: ['a\u0007b'] }, { ids: [''] }]) {
      const { status, body } = await json(await entities(post(bad)));
      expect(status, JSON.stringify(bad)).toBe(400);
      expect(body.message, JSON.stringify(bad)).toEqual(expect.any(String));
    }
    const tooMany = await json(await entities(post({ ids: Array.from({ length: 5001 }, (_, i) => `x:${i}`) })));
    expect(tooMany).toMatchObject({ status: 400, body: { message: expect.stringContaining('5000') } });
    // A body far past a view's worth is refused without being read whole.
    const huge = await json(await entities(post({ ids: ['x'.repeat(190)], pad: 'y'.repeat(3_000_000) })));
    expect(huge).toMatchObject({ status: 413, body: { error: 'too_large' } });
  });
});

describe('GET /api/paths', () => {
  it('finds a shortest path from Kazakhstan to Yin Hejun within the hop bound', async () => {
    const { status, body } = await json(await paths(request('/api/paths?from=country:KAZ&to=person:yin-hejun')));
    expect(status).toBe(200);
    const first = (body.paths as { length: number; nodes: { id: string }[] }[])[0]!;
    const nodes = first.nodes.map((n) => n.id);
    expect(nodes[0]).toBe('country:KAZ');
    expect(nodes.at(-1)).toBe('person:yin-hejun');
    expect(first.length).toBe(nodes.length - 1);
    expect(first.length).toBeLessThanOrEqual(6);
  });

  it('says when there is no path within maxHops, 400 for unknown ids and bad bounds', async () => {
    const { body } = await json(await paths(request('/api/paths?from=country:KAZ&to=person:yin-hejun&maxHops=1')));
    expect(body).toMatchObject({ paths: [], reason: 'none_within_hops' });
    expect(await json(await paths(request('/api/paths?from=country:KAZ&to=zz:z')))).toMatchObject({ status: 400, body: { missing: ['zz:z'] } });
    expect((await paths(request('/api/paths?from=country:KAZ&to=person:yin-hejun&maxHops=99'))).status).toBe(400);
    expect((await paths(request('/api/paths?from=country:KAZ'))).status).toBe(400);
  });
});

describe('the data layer is read-only', () => {
  it('refuses a write even through its own query runner', async () => {
    const { readQuery } = await import('@/lib/db/driver');
    await expect(readQuery('CREATE (n:Entity {id: "x:written"}) RETURN n', {})).rejects.toMatchObject({ code: 'database_error' });
    const { body } = await json(await node(request('/api/nodes/x:written'), params('x:written')));
    expect(body.error).toBe('not_found');
  });
});

describe('the seeded database', () => {
  it('is recognised as the seed, and health counts its entities, not the loader\'s version stamp', async () => {
    const { getSchema } = await import('@/lib/db/schema');
    const { readQuery } = await import('@/lib/db/driver');
    const [row] = await readQuery<{ n: unknown }>('MATCH (e:Entity) RETURN count(e) AS n', {});
    const entities = Number(row?.n);
    const schema = await getSchema();
    expect(schema.seedOnly).toBe(true);
    expect(schema.entities).toBe(entities);
    expect((await json(await health())).body.entities).toBe(entities);
  });
});
