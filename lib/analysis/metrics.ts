import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { mulberry32 } from '../layout/seeded-random';
import type { ColourMode, MetricsInput, SizeMode } from './settings';

/**
 * Centrality and communities of the entities in a view, with graphology (the library behind
 * sigma.js and Gephi Lite). Pure and deterministic: nodes and edges enter in sorted order and
 * Louvain draws from a seeded generator, so the same view gives the same picture on the server,
 * in the browser's worker and in a reopened link.
 */

export interface Community {
  /** Index in the legend's order (biggest first). */
  index: number;
  members: string[];
  /** Its highest-ranked member (PageRank), which names it in the legend. */
  leader: string;
}

export interface Metrics {
  /** Relationships of each entity within the view (each relationship counted once per end). */
  degree?: Record<string, number>;
  pagerank?: Record<string, number>;
  /** Communities of two or more entities, biggest first; entities linked to nothing are in none. */
  communities?: Community[];
  /** Louvain's modularity of the partition (how clearly the view falls apart into communities). */
  modularity?: number;
}

const LOUVAIN_SEED = 20231106;

/** Sorted, de-duplicated input: the same view always builds the same graph. */
function build(input: MetricsInput, type: 'directed' | 'undirected'): Graph {
  const graph = new Graph({ type, multi: false, allowSelfLoops: false });
  for (const id of [...new Set(input.nodes)].sort()) graph.addNode(id);
  const edges = input.edges.filter((e) => e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target))
    .map((e) => [e.source, e.target] as const)
    .sort(([a, b], [c, d]) => a.localeCompare(c) || b.localeCompare(d));
  // Several relationships between the same two entities make one weighted link.
  for (const [source, target] of edges) {
    if (graph.hasEdge(source, target)) graph.updateEdgeAttribute(source, target, 'weight', (w: number | undefined) => (w ?? 1) + 1);
    else graph.addEdge(source, target, { weight: 1 });
  }
  return graph;
}

/** Relationships per entity within the view. */
export function viewDegree(input: MetricsInput): Record<string, number> {
  const degree: Record<string, number> = Object.fromEntries(input.nodes.map((id) => [id, 0]));
  for (const { source, target } of input.edges) {
    if (source in degree && target in degree) {
      degree[source]!++;
      degree[target]!++;
    }
  }
  return degree;
}

/**
 * PageRank following relationships in their stored direction (damping 0.85), weighted by how
 * many relationships link two entities. Scores sum to 1 over the view.
 */
export function viewPagerank(input: MetricsInput): Record<string, number> {
  if (input.nodes.length === 0) return {};
  const graph = build(input, 'directed');
  try {
    return pagerank(graph, { getEdgeWeight: 'weight' });
  } catch {
    // graphology stops after 100 iterations; a slow-converging view gets more before giving up.
    return pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-5 });
  }
}

/** Louvain communities (modularity, resolution 1) on the view taken as undirected. */
export function viewCommunities(input: MetricsInput, rank: Record<string, number>): { communities: Community[]; modularity: number } {
  const graph = build(input, 'undirected');
  if (graph.size === 0) return { communities: [], modularity: 0 };
  const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: mulberry32(LOUVAIN_SEED) });
  const groups = new Map<number, string[]>();
  graph.forEachNode((id) => {
    if (graph.degree(id) === 0) return;
    const c = result.communities[id]!;
    groups.set(c, [...(groups.get(c) ?? []), id]);
  });
  const byRank = (a: string, b: string) => (rank[b] ?? 0) - (rank[a] ?? 0) || a.localeCompare(b);
  const communities = [...groups.values()].map((members) => {
    const sorted = [...members].sort(byRank);
    return { members: sorted, leader: sorted[0]! };
  }).sort((a, b) => b.members.length - a.members.length || byRank(a.leader, b.leader))
    .map((c, index) => ({ ...c, index }));
  return { communities, modularity: result.modularity };
}

/** The metrics the chosen size and colour need, and nothing more. */
export function computeMetrics(input: MetricsInput, size: SizeMode, colour: ColourMode): Metrics {
  const out: Metrics = {};
  if (size === 'degree') out.degree = viewDegree(input);
  if (size === 'pagerank' || colour === 'community') out.pagerank = viewPagerank(input);
  if (colour === 'community') Object.assign(out, viewCommunities(input, out.pagerank ?? {}));
  return out;
}
