import { isGroupKey } from '../graph/groups';
import type { GraphEdge, GraphNode, Subgraph } from '../graph/types';
import { hashString } from '../layout/seeded-random';
import type { AnalysisSettings, MetricsInput } from './settings';
import { spanYears } from './time';

/**
 * What of a view is drawn once the type filter and the time range apply. Pure and cheap (one pass),
 * so the server's first picture, the canvas and the legend all agree on it.
 */

export interface YearRange { from: number; to: number }
export type UndatedChoice = 'show' | 'hide';

export interface TimeFilter {
  /** Years shown, both ends included; null: no range (everything dated is shown). */
  range: YearRange | null;
  /** What happens to entities and relationships without a date. */
  undated: UndatedChoice;
}

export interface TimeSummary {
  /** First and last year of anything dated in the view; null when nothing is. */
  extent: YearRange | null;
  /** Entities and relationships of the view that have a date, and those that do not. */
  dated: { entities: number; relationships: number };
  undated: { entities: number; relationships: number };
  /** Of the dated ones, how many fall outside the range. */
  outside: { entities: number; relationships: number };
  /** Which properties the dates were read from, most used first. */
  keys: { key: string; count: number }[];
  /** Dated entities and relationships by the year they begin (open starts left out): the timeline's bars. */
  starts: Record<number, number>;
  /** Ids (entities and relationships) the time filter hides. */
  hidden: Set<string>;
}

const isEntity = (node: GraphNode) => !node.group;
// A group node's edge stands for the group, not for a relationship of the data.
const isRelationship = (edge: GraphEdge) => !isGroupKey(edge.target) && !isGroupKey(edge.source);

/** Years covered by the dated entities and relationships of a view (open ends do not stretch it). */
export function timeExtent(graph: Subgraph): YearRange | null {
  let from = Infinity;
  let to = -Infinity;
  const items = [...graph.nodes.filter(isEntity), ...graph.edges.filter(isRelationship)];
  for (const item of items) {
    const span = item.time ? spanYears(item.time) : null;
    if (!span) continue;
    for (const year of [span.from, span.to]) {
      if (!Number.isFinite(year)) continue;
      from = Math.min(from, year);
      to = Math.max(to, year);
    }
  }
  return Number.isFinite(from) ? { from, to } : null;
}

/** Whether a span of years meets the range: something in force during it, or that happened in it. */
export function overlaps(time: string, range: YearRange): boolean {
  const span = spanYears(time);
  return span !== null && span.from <= range.to && span.to >= range.from;
}

/** The time filter applied to a view: what it hides, and the counts the legend reports. */
export function timeSummary(graph: Subgraph, filter: TimeFilter): TimeSummary {
  const summary: TimeSummary = {
    extent: timeExtent(graph),
    dated: { entities: 0, relationships: 0 },
    undated: { entities: 0, relationships: 0 },
    outside: { entities: 0, relationships: 0 },
    keys: [],
    starts: {},
    hidden: new Set(),
  };
  const keys = new Map<string, number>();
  const visit = (id: string, time: string | undefined, timeKey: string | undefined, kind: 'entities' | 'relationships') => {
    const dated = time !== undefined && spanYears(time) !== null;
    if (!dated) {
      summary.undated[kind]++;
      if (filter.undated === 'hide') summary.hidden.add(id);
      return;
    }
    summary.dated[kind]++;
    if (timeKey) keys.set(timeKey, (keys.get(timeKey) ?? 0) + 1);
    const from = spanYears(time)!.from;
    if (Number.isFinite(from)) summary.starts[from] = (summary.starts[from] ?? 0) + 1;
    if (filter.range && !overlaps(time, filter.range)) {
      summary.outside[kind]++;
      summary.hidden.add(id);
    }
  };
  for (const node of graph.nodes) if (isEntity(node)) visit(node.id, node.time, node.timeKey, 'entities');
  for (const edge of graph.edges) if (isRelationship(edge)) visit(edge.id, edge.time, edge.timeKey, 'relationships');
  summary.keys = [...keys].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return summary;
}

/**
 * The entities and relationships a reader sees: not of a hidden type, not hidden by time, and for a
 * relationship both ends shown. Group nodes and their edges are left out: they are not entities.
 */
export function visibleEntities(graph: Subgraph, hiddenTypes: readonly string[], hidden: ReadonlySet<string>): Subgraph {
  const types = new Set(hiddenTypes);
  const nodes = graph.nodes.filter((n) => isEntity(n) && !types.has(n.type) && !hidden.has(n.id));
  const shown = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => isRelationship(e) && !hidden.has(e.id) && shown.has(e.source) && shown.has(e.target));
  return { nodes, edges };
}

export interface ViewFilter {
  hiddenTypes: readonly string[];
  time: YearRange | null;
  undated: UndatedChoice;
}

/**
 * Everything the filters decide for a view: the time summary (for the legend and the canvas) and
 * what the analysis is computed on, with a key that names that input and the settings (equal keys,
 * equal results: the client reuses the server's answer, and skips work that would change nothing).
 */
export function filterView(graph: Subgraph, filter: ViewFilter, settings: AnalysisSettings): { time: TimeSummary; input: MetricsInput; key: string } {
  const time = timeSummary(graph, { range: filter.time, undated: filter.undated });
  const visible = visibleEntities(graph, filter.hiddenTypes, time.hidden);
  const input: MetricsInput = { nodes: visible.nodes.map((n) => n.id), edges: visible.edges.map(({ source, target }) => ({ source, target })) };
  const text = [settings.size, settings.colour, ...input.nodes, '', ...visible.edges.map((e) => e.id)].join('\n');
  return { time, input, key: `${input.nodes.length}.${input.edges.length}.${hashString(text).toString(36)}` };
}
