import { cpus, loadavg } from 'node:os';
import { styleView } from '../lib/analysis/view-style';
import { filterView } from '../lib/analysis/visibility';
import { viewCommunities, viewDegree, viewPagerank } from '../lib/analysis/metrics';
import type { GraphEdge, GraphNode, Subgraph } from '../lib/graph/types';
import { mulberry32 } from '../lib/layout/seeded-random';
import { summarize, row } from './stats';

/**
 * Analysis of a big view: how long the time filter, degree, PageRank and Louvain take for 5,000
 * entities and 20,000 relationships (the largest view a link can hold), in Node's V8, the engine
 * of the browser's worker too. Above ~50 ms a step would stall the page, so the browser computes
 * in a Web Worker (lib/analysis/analysis-client.ts).
 *
 *   npm run bench:analysis   (BENCH_NODES, BENCH_EDGES, BENCH_RUNS change the sizes and repetitions)
 */
const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * A deterministic view with structure, as real ones have: clusters of 100 entities, four in five
 * relationships inside a cluster, one in five to any entity (a few hubs draw many). One entity in
 * three is dated (a year between 1990 and 2025).
 */
function syntheticGraph(nodeCount: number, edgeCount: number): Subgraph {
  const random = mulberry32(7);
  const ids = Array.from({ length: nodeCount }, (_, k) => `bench:${k}`);
  const nodes: GraphNode[] = ids.map((id, k) => ({ id, type: 'Organization', name: id, degree: 0, ...(k % 3 === 0 ? { time: String(1990 + (k % 36)) } : {}) }));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  while (edges.length < edgeCount) {
    const k = Math.floor(random() * nodeCount);
    const cluster = Math.floor(k / 100) * 100;
    const j = random() < 0.8 ? Math.min(nodeCount - 1, cluster + Math.floor(random() * 100))
      : random() < 0.3 ? Math.floor(random() * 20) * 250 : Math.floor(random() * nodeCount);
    const id = `${ids[k]}-LINKS->${ids[j]}`;
    if (j === k || seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source: ids[k]!, target: ids[j]!, type: 'LINKS', properties: {}, sources: [] });
  }
  return { nodes, edges };
}

const graph = syntheticGraph(NODES, EDGES);
const input = { nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map(({ source, target }) => ({ source, target })) };

function time(run: () => unknown): number[] {
  run(); // warm-up: the first run also compiles
  return Array.from({ length: RUNS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

console.log(`bench:analysis: ${NODES} entities, ${graph.edges.length} relationships, ${RUNS} runs each; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
console.log('| step | runs | median ms | p95 ms | mean ms |\n| --- | --- | --- | --- | --- |');
const steps: [string, () => unknown][] = [
  // What the page's own thread does at every change: the filters, what to analyse, and its key.
  ['time filter (2000-2010) + analysis input and key (main thread)', () => filterView(graph, { hiddenTypes: [], time: { from: 2000, to: 2010 }, undated: 'show' }, { size: 'pagerank', colour: 'community' })],
  ['degree in the view', () => viewDegree(input)],
  ['PageRank (graphology-metrics)', () => viewPagerank(input)],
  ['Louvain (graphology-communities-louvain)', () => viewCommunities(input, {})],
  ['size by PageRank (all of it)', () => styleView(input, { size: 'pagerank', colour: 'type' })],
  ['size by PageRank + colour by community (all of it)', () => styleView(input, { size: 'pagerank', colour: 'community' })],
];
for (const [name, run] of steps) console.log(row(name, summarize(time(run))));
