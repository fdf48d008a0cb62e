import type { UndatedChoice, YearRange } from '../analysis/visibility';
import type { GraphEdge, GraphNode, SourceRef } from './types';

/**
 * Ranked paths ("how are these connected?"), pure: the options a search takes, the answer's shape,
 * and how candidate paths are ordered. The data layer (lib/db/paths.ts) enumerates candidates; the
 * order is decided here, so the API, the first render and the share image always agree.
 *
 * Order: fewer steps first; then, where the graph records sources, better evidence (a path is as
 * strong as its weakest step; a step's strength is the sum of its sources' reliability weights);
 * then more specific entities (the sum of ln(degree) of the inner entities: a path through a
 * 170-neighbour hub ranks below an equally long one that avoids it); then by ids, so ties are stable.
 */

export const DEFAULT_PATH_COUNT = 3;
export const MAX_PATH_COUNT = 10;
export const DEFAULT_PATH_HOPS = 6;
/** "Avoid hubs" leaves out every entity with more relationships than this. */
export const HUB_DEGREE = 50;
/** The word in `avoid` that stands for "entities with more than HUB_DEGREE relationships". */
export const AVOID_HUBS = 'hubs';

/** How much one source counts towards a step's strength. */
export const RELIABILITY_WEIGHT: Readonly<Record<SourceRef['reliability'], number>> = { official: 3, media: 2, copy: 1, low: 0.5 };

export interface PathOptions {
  /** How many paths at most (1..MAX_PATH_COUNT). */
  k: number;
  maxHops: number;
  /** Relationship types a path may use; empty: any. */
  types: string[];
  /** Entity ids and entity types a path must not pass through (its two ends excepted). */
  avoid: string[];
  /** Leave out entities with more than HUB_DEGREE relationships. */
  avoidHubs: boolean;
  /** Only relationships (and inner entities) in force in these years; null: any time. */
  time: YearRange | null;
  /** With a range: keep or drop what has no date (as the view's time filter does). */
  undated: UndatedChoice;
}

export const DEFAULT_PATH_OPTIONS: Omit<PathOptions, 'k'> & { k: number } = {
  k: DEFAULT_PATH_COUNT, maxHops: DEFAULT_PATH_HOPS, types: [], avoid: [], avoidHubs: false, time: null, undated: 'show',
};

export interface RankedPath {
  /** Entities in order, from the first end to the other. */
  nodes: GraphNode[];
  /** Relationships in step order: edges[i] links nodes[i] and nodes[i + 1], in either direction. */
  edges: GraphEdge[];
  length: number;
  /** The weakest step's strength and the distinct sources behind the path; null where the graph records no sources. */
  evidence: { strength: number; sources: number } | null;
  /** Sum of ln(degree) of the inner entities: lower is more specific. */
  hubness: number;
  /** One sentence in the answer's language (see lib/i18n/path-reading.ts). */
  reading: string;
}

export type NoPathReason = 'none_within_hops' | 'none_with_options';

export interface PathsResult {
  from: string;
  to: string;
  options: PathOptions;
  paths: RankedPath[];
  /** Why `paths` is empty (null when it is not), with an English message for API readers. */
  reason: NoPathReason | null;
  message: string | null;
}

export interface CandidatePath { nodes: GraphNode[]; edges: GraphEdge[] }

/** A step's strength: its sources' reliability weights, summed. */
export function stepStrength(edge: GraphEdge): number {
  return edge.sources.reduce((sum, s) => sum + RELIABILITY_WEIGHT[s.reliability], 0);
}

/** What the sources say for a path; null when `withSources` is false (a graph without provenance). */
export function pathEvidence(path: CandidatePath, withSources: boolean): RankedPath['evidence'] {
  if (!withSources) return null;
  const strength = path.edges.length === 0 ? 0 : Math.min(...path.edges.map(stepStrength));
  const sources = new Set(path.edges.flatMap((e) => e.sources.map((s) => s.id))).size;
  return { strength, sources };
}

/** Sum of ln(degree) of a path's inner entities (its ends are what was asked for). */
export function pathHubness(path: CandidatePath): number {
  const inner = path.nodes.slice(1, -1);
  return Math.round(inner.reduce((sum, n) => sum + Math.log(Math.max(1, n.degree)), 0) * 1000) / 1000;
}

/** True when no entity appears twice. */
export function isSimple(path: CandidatePath): boolean {
  return new Set(path.nodes.map((n) => n.id)).size === path.nodes.length;
}

const tieKey = (path: CandidatePath) => [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.type)].join('\u0000');

/** Compares two scored paths: shorter, then stronger evidence, then more specific, then by ids. */
export function comparePaths(a: Omit<RankedPath, 'reading'>, b: Omit<RankedPath, 'reading'>): number {
  return a.length - b.length
    || (b.evidence?.strength ?? 0) - (a.evidence?.strength ?? 0)
    || (b.evidence?.sources ?? 0) - (a.evidence?.sources ?? 0)
    || a.hubness - b.hubness
    || (tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0);
}

/**
 * The best `k` of the candidates, each through a different sequence of entities (two paths that
 * differ only by which of two parallel relationships they take are one path: the better one stays).
 */
export function rankPaths(candidates: CandidatePath[], k: number, withSources: boolean): Omit<RankedPath, 'reading'>[] {
  const scored = candidates.filter(isSimple).map((p) => ({
    nodes: p.nodes, edges: p.edges, length: p.edges.length, evidence: pathEvidence(p, withSources), hubness: pathHubness(p),
  })).sort(comparePaths);
  const seen = new Set<string>();
  const out: Omit<RankedPath, 'reading'>[] = [];
  for (const path of scored) {
    const key = path.nodes.map((n) => n.id).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(path);
    if (out.length >= k) break;
  }
  return out;
}

/** Ids a drawn path highlights: its entities and relationships. */
export function pathIds(path: Pick<RankedPath, 'nodes' | 'edges'> | null | undefined): Set<string> {
  return new Set(path ? [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)] : []);
}

/** The same text for the same search, whatever order its lists were given in. */
export function optionsKey(options: PathOptions): string {
  const { k, maxHops, types, avoid, avoidHubs, time, undated } = options;
  return JSON.stringify([k, maxHops, [...types].sort(), [...avoid].sort(), avoidHubs, time ? [time.from, time.to] : null, undated]);
}

/** True when `result` is the answer to the search from `from` to `to` with `options`. */
export function answers(result: PathsResult | null, search: { from: string; to: string } & PathOptions): boolean {
  return result !== null && result.from === search.from && result.to === search.to && optionsKey(result.options) === optionsKey(search);
}
