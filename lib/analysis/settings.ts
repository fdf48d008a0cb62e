/**
 * The analysis settings a view can carry (size and colour), and the shape of their result: light
 * on purpose (no graph library), so the URL parser and the page import it without the metrics.
 */

export const SIZE_MODES = ['links', 'degree', 'pagerank'] as const;
/** links: relationships in the database (the default); degree: relationships in this view; pagerank: PageRank in this view. */
export type SizeMode = (typeof SIZE_MODES)[number];
export const COLOUR_MODES = ['type', 'community'] as const;
/** type: by entity type (the default); community: Louvain communities in this view. */
export type ColourMode = (typeof COLOUR_MODES)[number];

export interface MetricsInput {
  /** Entity ids (no group nodes). */
  nodes: string[];
  /** Relationships among them, in their stored direction. */
  edges: { source: string; target: string }[];
}

export interface AnalysisSettings { size: SizeMode; colour: ColourMode }
export const DEFAULT_ANALYSIS: AnalysisSettings = { size: 'links', colour: 'type' };

/** Ten colours told apart on white (Tableau 10, its grey replaced); communities past ten share a grey. */
export const COMMUNITY_PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#2f4b7c'] as const;
export const SMALLER_COLOUR = '#8d96a5';
export const UNLINKED_COLOUR = '#d0d5dd';
/** Group nodes are not entities: in community colours they are drawn in a neutral tone. */
export const GROUP_COLOUR = '#98a2b3';

export interface CommunityLegend {
  colour: string;
  /** Entities in it. */
  count: number;
  /** Its highest-ranked member (PageRank in the view): the legend names the community after it. */
  leader: string;
}

export interface ViewStyle {
  settings: AnalysisSettings;
  /** Diameter per entity; empty when sizes are the default (relationships in the database). */
  sizes: Record<string, number>;
  /** Colour per entity; empty when colours are by type. */
  colours: Record<string, string>;
  /** The coloured communities, biggest first. */
  communities: CommunityLegend[];
  /** Communities past the palette, drawn in SMALLER_COLOUR. */
  smaller: { communities: number; entities: number };
  /** Entities linked to nothing in the view (drawn in UNLINKED_COLOUR). */
  unlinked: number;
  /** The three entities that rank highest for the size chosen. */
  top: string[];
  /** What the computation looked at. */
  analysed: { entities: number; relationships: number };
}

