import { nodeSize } from '../draw/to-elements';
import { computeMetrics } from './metrics';
import { COMMUNITY_PALETTE, SMALLER_COLOUR, UNLINKED_COLOUR, type AnalysisSettings, type CommunityLegend, type MetricsInput, type ViewStyle } from './settings';

/**
 * From metrics to what is drawn: a diameter and a colour per entity, and what the legend says.
 * Shared by the server's first picture and the browser (in a worker for big views), so the page
 * does not change when the canvas takes over.
 */

/** The smallest and largest diameters, as for the default sizes (so hubs never swallow the view). */
const MIN_SIZE = 26;
const SIZE_RANGE = 30;

/** Sizes, colours and legend for a view's entities and the settings chosen. */
export function styleView(input: MetricsInput, settings: AnalysisSettings): ViewStyle {
  const metrics = computeMetrics(input, settings.size, settings.colour);
  const sizes: Record<string, number> = {};
  let score: Record<string, number> | undefined;
  if (settings.size === 'degree' && metrics.degree) {
    score = metrics.degree;
    for (const [id, d] of Object.entries(score)) sizes[id] = nodeSize(d);
  } else if (settings.size === 'pagerank' && metrics.pagerank) {
    score = metrics.pagerank;
    const max = Math.max(0, ...Object.values(score));
    // Area grows with the score: the diameter with its square root.
    for (const [id, r] of Object.entries(score)) sizes[id] = Math.round(MIN_SIZE + (max > 0 ? SIZE_RANGE * Math.sqrt(r / max) : 0));
  }
  const colours: Record<string, string> = {};
  const communities: CommunityLegend[] = [];
  const smaller = { communities: 0, entities: 0 };
  let unlinked = 0;
  if (settings.colour === 'community') {
    for (const id of input.nodes) colours[id] = UNLINKED_COLOUR;
    for (const community of metrics.communities ?? []) {
      const colour = COMMUNITY_PALETTE[community.index] ?? SMALLER_COLOUR;
      for (const id of community.members) colours[id] = colour;
      if (community.index < COMMUNITY_PALETTE.length) communities.push({ colour, count: community.members.length, leader: community.leader });
      else {
        smaller.communities++;
        smaller.entities += community.members.length;
      }
    }
    unlinked = Object.values(colours).filter((c) => c === UNLINKED_COLOUR).length;
  }
  const top = score ? Object.entries(score).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3).map(([id]) => id) : [];
  return { settings, sizes, colours, communities, smaller, unlinked, top, analysed: { entities: input.nodes.length, relationships: input.edges.length } };
}
