/** Plain JSON shapes shared by the server, the API and the client. No driver types here. */

import type { Claim } from './claims';
import type { EvidenceGrade } from './evidence';

export type Scalar = string | number | boolean;
export type PropertyValue = Scalar | Scalar[];
export type Language = 'en' | 'ru' | 'zh';
export const LANGUAGES = ['en', 'ru', 'zh'] as const satisfies readonly Language[];

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  url: string;
  seenAt?: string;
  reliability: 'official' | 'media' | 'copy' | 'low';
  note?: string;
  /** The source this one reposts or translates. */
  copyOf?: string;
}

export interface GraphNode {
  id: string;
  type: string;
  /** The caption as the database has it (English for the seed's entities). */
  name: string;
  /**
   * The entity's names by language, where the data has names per language (the seed's entities:
   * English always, Russian and Chinese where the sources give them); absent or without `en` for a
   * graph whose names are in no particular language.
   */
  names?: Partial<Record<Language, string>>;
  /** All relationships of this entity in the database, whether shown or not. */
  degree: number;
  /** Set on group nodes ("151 countries"), which stand for neighbours not drawn one by one. */
  group?: GroupInfo;
  /** When it happened or was in force, as an ISO 8601 interval (lib/analysis/time.ts); absent: undated. */
  time?: string;
  /** The properties `time` was read from, e.g. `startDate/endDate`. */
  timeKey?: string;
  /** How strong the sources behind it are (lib/graph/evidence.ts); absent on a graph without sources. */
  evidence?: EvidenceGrade;
}

export interface GroupInfo {
  origin: string;
  /** A relationship type, or '*' for any. */
  relType: string;
  /** An entity type, or '*' for any. */
  entityType: string;
  /** Members in the database. */
  total: number;
  /** Members not on the canvas as entities of their own. */
  remaining: number;
}

export interface GraphEdge {
  /** Stable: `${source}-${type}->${target}`. */
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, PropertyValue>;
  sources: SourceRef[];
  /** As on GraphNode: the relationship's own time, from its properties; absent: undated. */
  time?: string;
  timeKey?: string;
  /** As on GraphNode. */
  evidence?: EvidenceGrade;
  /** Competing values of its properties, each with its sources and grade; absent when none. */
  claims?: Claim[];
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface SubgraphResult extends Subgraph {
  /** Requested ids that are not in the database. */
  missing: string[];
}

export interface DegreeCount {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

/** An entity's own record: names in each language, description, properties and the sources behind it. */
export interface EntityRecord extends GraphNode {
  names: Partial<Record<Language, string>>;
  aliases: Partial<Record<Language, string[]>>;
  description: string | null;
  properties: Record<string, PropertyValue>;
  sources: SourceRef[];
  /** As on GraphEdge. */
  claims?: Claim[];
}

export interface EntitiesResult {
  /** Sorted by id. */
  entities: EntityRecord[];
  /** Requested ids that are not in the database. */
  missing: string[];
}

export interface NodeDetails extends EntityRecord {
  degreeByType: DegreeCount[];
  /** `key`: the id is a property with a uniqueness constraint; `elementId`: Neo4j's own id, see idNote. */
  idKind?: 'key' | 'elementId';
  /** Present when links to this entity may break after the database is rebuilt. */
  idNote?: string;
}

export interface TypeCount {
  type: string;
  count: number;
}

export interface NeighborPage extends Subgraph {
  id: string;
  /** Neighbours matching the filters, over all pages. */
  total: number;
  offset: number;
  limit: number;
  /** All neighbours, unfiltered, by relationship type and by entity type. */
  byRelationshipType: TypeCount[];
  byEntityType: TypeCount[];
  /** Present when byEntityType was left empty because counting it would read a hub's every relationship. */
  byEntityTypeNote?: string;
}

export interface SearchHit {
  id: string;
  name: string;
  /** As GraphNode.names. */
  names?: Partial<Record<Language, string>>;
  type: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** fulltext: a full-text index ranked the hits; fallback: bounded prefix/substring match (see note); none: nothing to search. */
  mode: 'fulltext' | 'fallback' | 'none';
  /** The database's own full-text indexes used, when they are not the app's. */
  indexes?: string[];
  note?: string;
}
