import { relationshipLabel, typeStyle } from '../draw/entity-style';
import type { GraphEdge, GraphNode, GroupInfo } from './types';

/**
 * Group nodes: "151 countries" drawn as one node instead of 151. A group stands for the neighbours
 * of one entity (its origin), optionally only those linked by one relationship type and/or of one
 * entity type. It is part of a view like an entity: it has a key, sits in a layout batch and is
 * written into the URL. Its count is what is not on the canvas yet; members can be drawn one by
 * one, filtered, or all at once.
 */

/** Expanding more than this many neighbours at once adds group nodes instead. */
export const GROUP_THRESHOLD = 50;
/** "Any" in a group's relationship type or entity type. */
export const ANY = '*';

// A control character cannot occur in an entity id (the URL parser rejects them), so group keys
// never collide with ids, whatever a database uses.
const MARK = '\u0001';

export interface GroupSpec {
  origin: string;
  relType: string;
  entityType: string;
}

export function groupKey({ origin, relType, entityType }: GroupSpec): string {
  return `${MARK}group${MARK}${origin}${MARK}${relType || ANY}${MARK}${entityType || ANY}`;
}

export function isGroupKey(id: string): boolean {
  return id.startsWith(`${MARK}group${MARK}`);
}

export function parseGroupKey(key: string): GroupSpec | null {
  if (!isGroupKey(key)) return null;
  const [, , origin, relType, entityType, ...rest] = key.split(MARK);
  if (!origin || !relType || !entityType || rest.length > 0) return null;
  return { origin, relType, entityType };
}

/** Neighbour filters for the API: undefined where the group takes any. */
export function groupFilters(spec: GroupSpec): { relType?: string; entityType?: string } {
  return {
    ...(spec.relType !== ANY ? { relType: spec.relType } : {}),
    ...(spec.entityType !== ANY ? { entityType: spec.entityType } : {}),
  };
}

/** Simple English plurals for type labels ("Country" -> "countries", "Laboratory" -> "laboratories"). */
export function pluralLabel(type: string, count: number): string {
  const label = typeStyle(type).label;
  // English plurals only for English-looking labels: `Учёный` and `研究所` stay as the database names them.
  if (!/^[A-Za-z][A-Za-z ]*$/.test(label)) return label;
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  if (count === 1) return lower;
  if (/[^aeiou]y$/i.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/** "151 countries", "12 entities · partner of". */
export function groupLabel(spec: GroupSpec, remaining: number): string {
  const noun = spec.entityType === ANY ? (remaining === 1 ? 'entity' : 'entities') : pluralLabel(spec.entityType, remaining);
  return `${remaining} ${noun}${spec.relType !== ANY ? `\n${relationshipLabel(spec.relType)}` : ''}`;
}

/** The node a group is drawn as; its degree is its size class, its count what is still hidden. */
export function groupNode(key: string, spec: GroupSpec, total: number, shownMembers: number): GraphNode {
  const remaining = Math.max(0, total - shownMembers);
  const group: GroupInfo = { ...spec, total, remaining };
  return { id: key, type: spec.entityType === ANY ? 'Group' : spec.entityType, name: groupLabel(spec, remaining), degree: remaining, group };
}

/** The line that ties a group to its origin. */
export function groupEdge(key: string, spec: GroupSpec): GraphEdge {
  return { id: `${key}->`, source: spec.origin, target: key, type: spec.relType === ANY ? 'GROUP' : spec.relType, properties: {}, sources: [] };
}

/** A group in a view, with its member count from the database (null: unknown, e.g. origin gone). */
export interface GroupTotal {
  key: string;
  total: number | null;
}

/**
 * The graph a view draws: its entities and their relationships, plus one node per group (with what
 * is still hidden of it) tied to its origin. Groups whose origin is gone are left out, and so drop
 * out of the view; a group whose members are all drawn stays (with nothing left, not drawn), so that
 * the layout, and with it every position on screen, stays as it was.
 */
export function withGroups(sub: { nodes: GraphNode[]; edges: GraphEdge[] }, groups: GroupTotal[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const present = new Set(sub.nodes.map((n) => n.id));
  const nodes = sub.nodes.filter((n) => !n.group);
  const edges = sub.edges.filter((e) => !isGroupKey(e.target));
  const extraNodes: GraphNode[] = [];
  const extraEdges: GraphEdge[] = [];
  for (const { key, total } of groups) {
    const spec = parseGroupKey(key);
    if (!spec || total === null || !present.has(spec.origin)) continue;
    // The database counts relationships (an entity linked twice counts twice), so shown ones are counted alike.
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const shown = edges.filter((e) => {
      const other = e.source === spec.origin ? e.target : e.target === spec.origin ? e.source : null;
      const node = other === null ? undefined : byId.get(other);
      return node !== undefined && other !== spec.origin && (spec.relType === ANY || e.type === spec.relType) && (spec.entityType === ANY || node.type === spec.entityType);
    }).length;
    extraNodes.push(groupNode(key, spec, total, shown));
    extraEdges.push(groupEdge(key, spec));
  }
  return { nodes: [...nodes, ...extraNodes], edges: [...edges, ...extraEdges] };
}

export interface NeighbourFilters { relType?: string; entityType?: string }

/**
 * What expanding an entity adds, shared by the browser and the server's first render: with few
 * hidden neighbours, all of them; with many, each entity type with many members as a group node
 * and the small types drawn. `page` is the first page (up to 200) of neighbours matching `filters`;
 * `members(type)` fetches all neighbours of one entity type when the page did not hold them all.
 */
export async function planExpansion(id: string, filters: NeighbourFilters, page: { nodes: GraphNode[]; total: number; byEntityType: { type: string; count: number }[] },
  shown: Set<string>, members: (entityType: string, count: number) => Promise<GraphNode[]>, pageSize = 200): Promise<{ fresh: string[]; groups: string[] }> {
  const all = page.total <= pageSize ? page.nodes.filter((n) => n.id !== id) : null;
  const hiddenCount = all ? all.filter((n) => !shown.has(n.id)).length : page.total;
  const fresh: string[] = [];
  const groups: string[] = [];
  const addGroup = (spec: GroupSpec) => {
    const key = groupKey(spec);
    if (!shown.has(key)) groups.push(key);
  };
  if (hiddenCount <= GROUP_THRESHOLD && all) {
    fresh.push(...all.map((n) => n.id).filter((n) => !shown.has(n)));
  } else if (filters.relType || filters.entityType) {
    addGroup({ origin: id, relType: filters.relType ?? ANY, entityType: filters.entityType ?? ANY });
  } else {
    let drawn = 0;
    for (const { type, count } of page.byEntityType) {
      if (count > GROUP_THRESHOLD / 2 || drawn + count > GROUP_THRESHOLD) {
        addGroup({ origin: id, relType: ANY, entityType: type });
        continue;
      }
      const list = all ? all.filter((n) => n.type === type) : await members(type, count);
      const hidden = list.map((n) => n.id).filter((n) => n !== id && !shown.has(n));
      fresh.push(...hidden);
      drawn += hidden.length;
    }
    // A hub too big for counts by type (a database may not give them) still gets one group.
    if (fresh.length === 0 && groups.length === 0 && page.byEntityType.length === 0) addGroup({ origin: id, relType: ANY, entityType: ANY });
  }
  return { fresh, groups };
}
