import type { Subgraph } from '../graph/types';

/**
 * The graphs the explorer has loaded, by the set of ids they show, so Back, Forward and a repeated
 * step need no request. Bounded: least recently used graphs go first once the cache holds more than
 * `maxElements` entities and relationships in all (a long session never grows without end).
 */
export class GraphCache {
  private readonly entries = new Map<string, Subgraph>();
  private elements = 0;

  constructor(private readonly maxElements = 50_000) {}

  static key(ids: string[]): string {
    return [...new Set(ids)].sort().join('\n');
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.elements;
  }

  get(key: string): Subgraph | undefined {
    const graph = this.entries.get(key);
    if (graph) {
      this.entries.delete(key);
      this.entries.set(key, graph);
    }
    return graph;
  }

  set(key: string, graph: Subgraph): void {
    const old = this.entries.get(key);
    if (old) {
      this.elements -= weightOf(old);
      this.entries.delete(key);
    }
    this.entries.set(key, graph);
    this.elements += weightOf(graph);
    // The newest entry stays even when it alone is over the bound: it is the view on screen.
    while (this.elements > this.maxElements && this.entries.size > 1) {
      const [oldest, dropped] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.elements -= weightOf(dropped);
    }
  }
}

const weightOf = (graph: Subgraph) => graph.nodes.length + graph.edges.length;
