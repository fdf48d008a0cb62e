import { EVIDENCE_GRADES, meetsGrade, type EvidenceGrade } from '../graph/evidence';
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

/** `2015-2020` or `2020` -> a range; null when malformed or reversed. */
export function parseYearRange(text: string): YearRange | null {
  const match = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(text);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  return from <= to ? { from, to } : null;
}

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

/** The time filter applied to a view: what it hides, and the counts the legend reports. One pass. */
export function timeSummary(graph: Subgraph, filter: TimeFilter): TimeSummary {
  const summary: TimeSummary = {
    extent: null,
    dated: { entities: 0, relationships: 0 },
    undated: { entities: 0, relationships: 0 },
    outside: { entities: 0, relationships: 0 },
    keys: [],
    starts: {},
    hidden: new Set(),
  };
  const keys = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  const range = filter.range;
  const visit = (id: string, time: string | undefined, timeKey: string | undefined, kind: 'entities' | 'relationships') => {
    const span = time === undefined ? null : spanYears(time);
    if (!span) {
      summary.undated[kind]++;
      if (filter.undated === 'hide') summary.hidden.add(id);
      return;
    }
    summary.dated[kind]++;
    if (timeKey) keys.set(timeKey, (keys.get(timeKey) ?? 0) + 1);
    if (Number.isFinite(span.from)) {
      summary.starts[span.from] = (summary.starts[span.from] ?? 0) + 1;
      first = Math.min(first, span.from);
      last = Math.max(last, span.from);
    }
    if (Number.isFinite(span.to)) {
      first = Math.min(first, span.to);
      last = Math.max(last, span.to);
    }
    if (range && !(span.from <= range.to && span.to >= range.from)) {
      summary.outside[kind]++;
      summary.hidden.add(id);
    }
  };
  for (const node of graph.nodes) if (isEntity(node)) visit(node.id, node.time, node.timeKey, 'entities');
  for (const edge of graph.edges) if (isRelationship(edge)) visit(edge.id, edge.time, edge.timeKey, 'relationships');
  summary.extent = Number.isFinite(first) ? { from: first, to: last } : null;
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

export interface EvidenceSummary {
  /** True when anything in the view has a grade (a graph with sources); false: no evidence controls. */
  graded: boolean;
  /** Entities and relationships of the view by grade. */
  counts: Record<EvidenceGrade, { entities: number; relationships: number }>;
  /** Ids (entities and relationships) weaker than the minimum. */
  hidden: Set<string>;
}

/** The evidence filter applied to a view: what is weaker than `minimum` (null: nothing hidden), and the counts by grade. */
export function evidenceSummary(graph: Subgraph, minimum: EvidenceGrade | null): EvidenceSummary {
  const counts = Object.fromEntries(EVIDENCE_GRADES.map((g) => [g, { entities: 0, relationships: 0 }])) as EvidenceSummary['counts'];
  const summary: EvidenceSummary = { graded: false, counts, hidden: new Set() };
  const visit = (id: string, grade: EvidenceGrade | undefined, kind: 'entities' | 'relationships') => {
    if (!grade) return;
    summary.graded = true;
    counts[grade][kind]++;
    if (minimum && !meetsGrade(grade, minimum)) summary.hidden.add(id);
  };
  for (const node of graph.nodes) if (isEntity(node)) visit(node.id, node.evidence, 'entities');
  for (const edge of graph.edges) if (isRelationship(edge)) visit(edge.id, edge.evidence, 'relationships');
  return summary;
}

export interface ViewFilter {
  hiddenTypes: readonly string[];
  time: YearRange | null;
  undated: UndatedChoice;
  /** The weakest evidence shown; null or absent: all. */
  evidence?: EvidenceGrade | null;
}

/**
 * Everything the filters decide for a view: the time summary (for the legend and the canvas) and
 * what the analysis is computed on, with a key that names that input and the settings (equal keys,
 * equal results: the client reuses the server's answer, and skips work that would change nothing).
 */
export function filterView(graph: Subgraph, filter: ViewFilter, settings: AnalysisSettings): {
  time: TimeSummary; evidence: EvidenceSummary; hidden: Set<string>; input: MetricsInput; key: string;
} {
  const time = timeSummary(graph, { range: filter.time, undated: filter.undated });
  const evidence = evidenceSummary(graph, filter.evidence ?? null);
  // What the time filter or the evidence filter hides: the canvas, pictures and exports leave it out alike.
  const hidden = evidence.hidden.size === 0 ? time.hidden : new Set([...time.hidden, ...evidence.hidden]);
  const visible = visibleEntities(graph, filter.hiddenTypes, hidden);
  const input: MetricsInput = { nodes: visible.nodes.map((n) => n.id), edges: visible.edges.map(({ source, target }) => ({ source, target })) };
  // The key hashes every id shown (FNV-1a, one pass, no joined copy of 25,000 ids).
  let hash = hashString(`${settings.size}\n${settings.colour}`);
  const add = (text: string) => {
    hash ^= 10; // a separator no id contains
    hash = Math.imul(hash, 0x01000193);
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const node of visible.nodes) add(node.id);
  for (const edge of visible.edges) add(edge.id);
  return { time, evidence, hidden, input, key: `${input.nodes.length}.${input.edges.length}.${(hash >>> 0).toString(36)}` };
}
