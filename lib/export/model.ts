import { typeStyle } from '../draw/entity-style';
import { ANY } from '../graph/groups';
import type { EntityRecord, GraphEdge, GraphNode, PropertyValue, SourceRef, Subgraph } from '../graph/types';

/**
 * What an export holds: the view as the user sees it. Entities of hidden types are left out (and
 * counted, by type); group nodes are not entities, so they are described (what they stand for, how
 * many) rather than exported as nodes; every entity and relationship carries its sources; the link
 * reproduces the view. Pure: the browser fills it from the loaded graph and one read of records.
 */

export interface ExportEntity extends EntityRecord {
  /** False when the database no longer holds it: exported as drawn, without properties or sources. */
  inDatabase: boolean;
}

/** A relationship as drawn, without the time fields the canvas uses for filtering. */
export type ExportRelationship = Pick<GraphEdge, 'id' | 'source' | 'target' | 'type' | 'properties' | 'sources' | 'evidence' | 'claims'>;

export interface ExportGroup {
  /** The entity whose neighbours the group stands for. */
  origin: string;
  originName: string;
  /** null: any relationship type. */
  relationshipType: string | null;
  /** null: any entity type. */
  entityType: string | null;
  /** Neighbours of this kind in the database. */
  total: number;
  /** Of those, not drawn one by one (what the group node counts). */
  notDrawn: number;
}

export interface ExportTypeCount {
  type: string;
  label: string;
  color: string;
  count: number;
}

export interface ExportView {
  link: string;
  /** ISO 8601. */
  exportedAt: string;
  entities: ExportEntity[];
  relationships: ExportRelationship[];
  groups: ExportGroup[];
  /** Entity types on screen (as entities or groups), with how many entities of each: the legend. */
  types: ExportTypeCount[];
  /** Types the filter hides, with how many entities of each were left out. */
  hidden: ExportTypeCount[];
  /** Every source behind an exported fact, once, sorted by id. */
  sources: SourceRef[];
}

export interface ExportInput {
  graph: Subgraph;
  hiddenTypes: string[];
  /** Entities and relationships the time and evidence filters hide (as on the canvas); absent: none. */
  hiddenIds?: ReadonlySet<string>;
  /** Records of the view's entities (POST /api/entities); a missing one marks an entity gone from the database. */
  records: EntityRecord[];
  link: string;
  now: Date;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entities per type; a type drawn only as a group counts 0 entities. */
function typeCounts(nodes: GraphNode[]): ExportTypeCount[] {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + (node.group ? 0 : 1));
  return [...counts].map(([type, count]) => ({ type, label: typeStyle(type).label, color: typeStyle(type).color, count }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const NOTHING: ReadonlySet<string> = new Set();

/** True when some entity or relationship of the view has an evidence grade (a graph with sources): exports then carry a grade column. */
export function hasEvidence(view: Pick<ExportView, 'entities' | 'relationships'>): boolean {
  return view.entities.some((e) => e.evidence) || view.relationships.some((r) => r.evidence);
}

/** The ids whose records an export needs: the entities shown (not groups, not hidden types, not filtered out). */
export function shownEntityIds(graph: Subgraph, hiddenTypes: string[], hiddenIds: ReadonlySet<string> = NOTHING): string[] {
  const hidden = new Set(hiddenTypes);
  return graph.nodes.filter((n) => !n.group && !hidden.has(n.type) && !hiddenIds.has(n.id)).map((n) => n.id);
}

export function buildExportView({ graph, hiddenTypes, hiddenIds = NOTHING, records, link, now }: ExportInput): ExportView {
  const hidden = new Set(hiddenTypes);
  const recordsById = new Map(records.map((r) => [r.id, r]));
  const shownNodes = graph.nodes.filter((n) => !n.group && !hidden.has(n.type) && !hiddenIds.has(n.id));
  const shown = new Set(shownNodes.map((n) => n.id));
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const entities: ExportEntity[] = shownNodes.map((node) => {
    const record = recordsById.get(node.id);
    const evidence = record?.evidence ?? node.evidence;
    return record
      ? { ...record, name: node.name, degree: node.degree, ...(evidence ? { evidence } : {}), inDatabase: true }
      : { ...node, names: {}, aliases: {}, description: null, properties: {}, sources: [], inDatabase: false };
  }).sort(byId);
  const relationships: ExportRelationship[] = graph.edges
    .filter((e) => shown.has(e.source) && shown.has(e.target) && !hiddenIds.has(e.id))
    .map(({ id, source, target, type, properties, sources, evidence, claims }) => ({
      id, source, target, type, properties, sources, ...(evidence ? { evidence } : {}), ...(claims ? { claims } : {}),
    }))
    .sort(byId);
  // A group is drawn while it has members left and its type is not filtered out (as on the canvas).
  const groupNodes = graph.nodes.filter((n) => n.group && n.group.remaining > 0 && !hidden.has(n.type) && shown.has(n.group.origin));
  const groups: ExportGroup[] = groupNodes.map(({ group }) => ({
    origin: group!.origin,
    originName: names.get(group!.origin) ?? group!.origin,
    relationshipType: group!.relType === ANY ? null : group!.relType,
    entityType: group!.entityType === ANY ? null : group!.entityType,
    total: group!.total,
    notDrawn: group!.remaining,
  })).sort((a, b) => a.origin.localeCompare(b.origin) || `${a.relationshipType}${a.entityType}`.localeCompare(`${b.relationshipType}${b.entityType}`));
  const sources = new Map<string, SourceRef>();
  for (const item of [...entities, ...relationships]) for (const s of item.sources) sources.set(s.id || s.url, s);
  return {
    link,
    exportedAt: now.toISOString(),
    entities,
    relationships,
    groups,
    types: typeCounts([...shownNodes, ...groupNodes]),
    hidden: hiddenTypes.map((type) => ({ type, label: typeStyle(type).label, color: typeStyle(type).color, count: graph.nodes.filter((n) => !n.group && n.type === type).length }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    sources: [...sources.values()].sort(byId),
  };
}

/** Names of the entities, for naming the ends of relationships. */
export function nameIndex(view: ExportView): Map<string, string> {
  return new Map(view.entities.map((e) => [e.id, e.name]));
}

/** A property value as one text: lists joined by "; ". */
export function propertyText(value: PropertyValue): string {
  return Array.isArray(value) ? value.map(String).join('; ') : String(value);
}

/** Every property key used by the given records, sorted. */
export function propertyKeys(items: { properties: Record<string, PropertyValue> }[]): string[] {
  return [...new Set(items.flatMap((i) => Object.keys(i.properties)))].sort();
}
