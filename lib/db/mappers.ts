import neo4j from 'neo4j-driver';
import { isDateKey, timeOf } from '../analysis/time';
import { CLAIMS_PROPERTY, parseClaims } from '../graph/claims';
import { isEvidenceGrade, type EvidenceGrade } from '../graph/evidence';
import { LANGUAGES, type GraphEdge, type GraphNode, type Language, type PropertyValue, type Scalar, type SourceRef } from '../graph/types';

/**
 * Pure conversions from what the driver returns to plain JSON. Integers become JS numbers,
 * temporal values ISO strings; anything else that is not JSON-safe is dropped.
 */

export function toPlain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)
    || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Keeps the displayable properties of a node or relationship, minus the keys the app uses itself. */
export function toProperties(raw: Record<string, unknown>, omit: ReadonlySet<string>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(raw).sort(([a], [b]) => a.localeCompare(b))) {
    if (omit.has(key)) continue;
    const plain = toPlain(value);
    if (isScalar(plain)) out[key] = plain;
    else if (Array.isArray(plain) && plain.every(isScalar)) out[key] = plain;
  }
  return out;
}

function toSource(raw: Record<string, unknown>): SourceRef {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const reliability = text('reliability');
  return {
    id: text('id') ?? '',
    publisher: text('publisher') ?? 'unknown publisher',
    title: text('title') ?? '',
    date: text('date') ?? null,
    url: text('url') ?? '',
    ...(text('seenAt') ? { seenAt: text('seenAt') } : {}),
    reliability: reliability === 'official' || reliability === 'media' || reliability === 'copy' ? reliability : 'low',
    ...(text('note') ? { note: text('note') } : {}),
    ...(text('copyOf') ? { copyOf: text('copyOf') } : {}),
  };
}

export function toSources(raw: unknown): SourceRef[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((s): s is Record<string, unknown> => s !== null && typeof s === 'object')
    .map(toSource)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Shape returned by the NODE_PROJECTION used in the queries. */
export interface RawNode {
  id: unknown;
  type: unknown;
  name: unknown;
  names?: unknown;
  degree: unknown;
  /** Candidate date properties as [key, value] pairs (see timeCandidates in schema-model.ts). */
  time?: unknown;
  /** The seed's computed grade (evidenceExpr); null elsewhere. */
  evidence?: unknown;
}

/** `{ru: 'Москва', zh: null}` -> `{ru: 'Москва'}`; not a map (a graph without translations) -> undefined. */
export function toNames(raw: unknown): Partial<Record<Language, string>> | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Partial<Record<Language, string>> = {};
  for (const lang of LANGUAGES) {
    const value = (raw as Record<string, unknown>)[lang];
    if (typeof value === 'string' && value.trim()) out[lang] = value;
  }
  return out;
}

const ELEMENT_ID_TAIL = /^\d+:[0-9a-f-]{36}:(\d+)$/;

/** A node without a caption is named by its id; an element id is shortened to its type and number. */
function fallbackName(id: string, type: string): string {
  const tail = ELEMENT_ID_TAIL.exec(id)?.[1];
  return tail === undefined ? id : `${type} #${tail}`;
}

const isTemporalDate = (value: unknown) => neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value);

/**
 * The time of a node or relationship from its candidate [key, value] pairs (temporal values of any
 * key, other values only under a date-named key); {} when undated.
 */
function toTime(raw: unknown): { time?: string; timeKey?: string } {
  if (!Array.isArray(raw)) return {};
  const pairs = raw.filter((p): p is [string, unknown] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')
    .filter(([key, value]) => isTemporalDate(value) || isDateKey(key))
    .map(([key, value]) => [key, toPlain(value)] as const);
  return timeOf(pairs) ?? {};
}

export function toGraphNode(raw: RawNode): GraphNode {
  const id = String(raw.id);
  const type = typeof raw.type === 'string' ? raw.type : 'Entity';
  const names = toNames(raw.names);
  return {
    id,
    type,
    name: typeof raw.name === 'string' && raw.name ? raw.name : fallbackName(id, type),
    ...(names ? { names } : {}),
    degree: Number(toPlain(raw.degree) ?? 0),
    ...toTime(raw.time),
    ...(isEvidenceGrade(raw.evidence) ? { evidence: raw.evidence } : {}),
  };
}

/** What the seed loader computed from the sources; not shown as ordinary properties. */
export const EVIDENCE_KEYS: readonly string[] = ['evidence', 'evidenceIndependent', CLAIMS_PROPERTY];
const EDGE_OMIT = new Set(['sourceIds', 'dataset', ...EVIDENCE_KEYS]);
const OTHER_EDGE_OMIT = new Set(['sourceIds', 'dataset']);

/**
 * The grade and claims of a seeded record (one that lists its sources); {} for any other graph, whose
 * own `evidence` property, if it has one, stays an ordinary property.
 */
export function toEvidence(props: Record<string, unknown>): { evidence?: EvidenceGrade; claims?: ReturnType<typeof parseClaims> } {
  if (!Array.isArray(props.sourceIds)) return {};
  const claims = parseClaims(props[CLAIMS_PROPERTY]);
  return { ...(isEvidenceGrade(props.evidence) ? { evidence: props.evidence } : {}), ...(claims.length > 0 ? { claims } : {}) };
}

/** Shape returned by the EDGE_PROJECTION used in the queries. */
export interface RawEdge {
  source: unknown;
  target: unknown;
  type: unknown;
  properties: unknown;
  sources: unknown;
  time?: unknown;
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}-${type}->${target}`;
}

export function toGraphEdge(raw: RawEdge): GraphEdge {
  const source = String(raw.source);
  const target = String(raw.target);
  const type = String(raw.type);
  const props = raw.properties !== null && typeof raw.properties === 'object' ? (raw.properties as Record<string, unknown>) : {};
  const seeded = Array.isArray(props.sourceIds);
  return {
    id: edgeId(source, type, target), source, target, type, properties: toProperties(props, seeded ? EDGE_OMIT : OTHER_EDGE_OMIT), sources: toSources(raw.sources), ...toTime(raw.time),
    ...toEvidence(props),
  };
}

/** Nodes and edges by id, each once, in a stable order (so the same view always serialises the same). */
export function dedupeSubgraph(nodes: GraphNode[], edges: GraphEdge[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodeMap = new Map(nodes.map((n) => [n.id, n]));
  const edgeMap = new Map(edges.map((e) => [e.id, e]));
  return {
    nodes: [...nodeMap.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edgeMap.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
