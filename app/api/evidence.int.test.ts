import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { getNeo4j } from '@/lib/db/driver';
import { DEFAULT_SEED_DIR } from '@/graph-seed/load';
import { readSeedDir, relationshipKey } from '@/graph-seed/validate';
import { evidenceIndex, gradeEvidence, type EvidenceGrade } from '@/lib/graph/evidence';
import type { GraphEdge, GraphNode, NodeDetails } from '@/lib/graph/types';
import { GET as neighbors } from './nodes/[id]/neighbors/route';
import { GET as node } from './nodes/[id]/route';
import { GET as subgraph } from './subgraph/route';

// The grades the API reports are the loader's, computed from the seed files' sources.
const request = (path: string) => new NextRequest(new URL(path, 'http://localhost'));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const seed = readSeedDir(DEFAULT_SEED_DIR);
const index = evidenceIndex(seed.sources);
const expected = new Map<string, EvidenceGrade>([
  ...seed.nodes.map((n) => [n.id, gradeEvidence(n.sources, index).grade] as const),
  ...seed.relationships.map((r) => [relationshipKey(r), gradeEvidence(r.sources, index).grade] as const),
]);
const edgeKey = (e: GraphEdge) => relationshipKey({ from: e.source, type: e.type, to: e.target });

afterAll(async () => {
  await getNeo4j().driver.close();
});

describe('evidence grades in API answers', () => {
  it('GET /api/nodes/{id} carries the entity\'s grade and keeps the computed keys out of its properties', async () => {
    const weakCountry = seed.nodes.find((n) => n.type === 'Country' && expected.get(n.id) === 'weak')!;
    for (const id of ['event:brst-2023', weakCountry.id]) {
      const response = await node(request(`/api/nodes/${encodeURIComponent(id)}`), params(id));
      expect(response.status).toBe(200);
      const body = (await response.json()) as NodeDetails;
      expect(body.evidence).toBe(expected.get(id));
      expect(body.properties).not.toHaveProperty('evidence');
      expect(body.properties).not.toHaveProperty('claimsJson');
    }
  });

  it('neighbour pages and subgraphs carry the grade of every entity and relationship', async () => {
    const page = (await (await neighbors(request('/api/nodes/initiative:bri/neighbors?limit=200'), params('initiative:bri'))).json()) as { nodes: GraphNode[]; edges: GraphEdge[] };
    expect(page.edges.length).toBeGreaterThan(10);
    for (const edge of page.edges) expect(edge.evidence, edgeKey(edge)).toBe(expected.get(edgeKey(edge)));
    for (const n of page.nodes) expect(n.evidence, n.id).toBe(expected.get(n.id));
    // The seed's PARTNER_OF links include weak ones: the answer says so rather than hiding them.
    expect(page.edges.some((e) => e.evidence === 'weak')).toBe(true);

    const ids = page.nodes.slice(0, 20).map((n) => n.id).concat('initiative:bri');
    const sub = (await (await subgraph(request(`/api/subgraph?ids=${encodeURIComponent(ids.join(','))}`))).json()) as { nodes: GraphNode[]; edges: GraphEdge[] };
    expect(sub.edges.length).toBeGreaterThan(0);
    for (const edge of sub.edges) {
      expect(edge.evidence, edgeKey(edge)).toBe(expected.get(edgeKey(edge)));
      expect(edge.properties).not.toHaveProperty('evidence');
    }
  });
});
