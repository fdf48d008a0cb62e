import { PLAIN_LABELS, type Labeller } from '../i18n/labeller';
import { GROUP_COLOUR, type ViewStyle } from '../analysis/settings';
import { typeStyle } from './entity-style';
import { shapeSvg } from './node-shapes';
import { labelSpots, placeLabels, shifted, type Box, type LabelCandidate, type Obstacle } from './label-placement';
import type { Positions } from '../layout/compute-layout';
import { drawnPositions } from '../layout/spacing';
import { xmlText as escapeXml } from '../export/xml';
import { GROUP_NODE_SIZE, labelPriority, nodeSize, nodeSizes } from './to-elements';
import type { GraphNode, Subgraph } from '../graph/types';
import { evidenceLine, isWeakEntity, ringPath, SVG_DASH, WEAK_MARK } from './evidence-style';

/**
 * A view as SVG markup, from the same positions the canvas uses: the server paints it before the
 * canvas loads, and the preview image for shared links is rendered from it. It honours what the
 * link says: hidden types stay hidden, the selection is ringed and its neighbourhood stands out,
 * a path is drawn in red, group nodes look like groups, and the map layout has its map.
 */

export interface PreviewOptions {
  width?: number;
  height?: number;
  labels?: boolean;
  hiddenTypes?: string[];
  /** Entities and relationships the time filter hides. */
  hiddenIds?: Set<string>;
  /** Sizes and colours of an analysis (lib/analysis), as the canvas draws them. */
  style?: ViewStyle | null;
  selectedId?: string | null;
  /** Ids of the entities and relationships of a drawn path. */
  pathIds?: Set<string>;
  /** Expanded entities (their labels win over others', as on the canvas). */
  expandedIds?: Set<string>;
  /** SVG markup drawn under the graph, covering the given model-space rectangle (the world map). */
  background?: { svg: string; x: number; y: number; width: number; height: number } | null;
  /** Captions and group labels in the link's language (default: as the data has them). */
  names?: Labeller;
  /** Draw the text inside the SVG (the page), or leave it to the caller (the PNG, whose renderer has the fonts). */
  textInSvg?: boolean;
  /** The model-space rectangle to show (an export of the canvas's viewport); default: the whole graph. */
  frame?: { x: number; y: number; width: number; height: number };
  /** Labels this many times their base size (the canvas enlarges them when zoomed out). */
  fontScale?: number;
  /** Each type's own shape and an arrowhead on each relationship, as the canvas draws them (exports). */
  asDrawn?: boolean;
}

/** A piece of text of the picture, in model coordinates: centred on x, baseline at y. */
export interface PreviewText {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
  dim: boolean;
}

export interface PreviewScene {
  svg: string;
  /** The model-space rectangle the SVG shows (its viewBox). */
  box: { x: number; y: number; width: number; height: number };
  texts: PreviewText[];
}

/** Rough width of a label: CJK characters are a full em wide, others a little over half. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u.test(ch) ? 1 : 0.58;
  return ems * size;
}

/** Base64 in the server (Buffer) and in the browser (btoa over UTF-8 bytes). */
function base64(text: string): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(text).toString('base64');
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const FONT = 11;
const round = (n: number) => Math.round(n * 100) / 100;

/** The view as SVG: shapes always, text in the SVG or handed back as `texts` (see textInSvg). */
export function previewScene(graph: Subgraph, laidOut: Positions, options: PreviewOptions = {}): PreviewScene {
  const { labels = true, textInSvg = true, names = PLAIN_LABELS, style } = options;
  // As on the canvas: an entity an analysis draws bigger than the layout made room for moves aside.
  const positions = style ? drawnPositions(laidOut, nodeSizes(graph.nodes), style.sizes) : laidOut;
  const texts: PreviewText[] = [];
  const font = FONT * (options.fontScale ?? 1);
  const hidden = new Set(options.hiddenTypes ?? []);
  const hiddenIds = options.hiddenIds ?? new Set<string>();
  const sizeOf = (node: GraphNode) => (node.group ? GROUP_NODE_SIZE : style?.sizes[node.id] ?? nodeSize(node.degree));
  const colourOf = (node: GraphNode) => (style?.settings.colour === 'community' ? (node.group ? GROUP_COLOUR : style.colours[node.id]) : undefined) ?? typeStyle(node.type).color;
  const nodes = graph.nodes.filter((n) => positions[n.id] && !hidden.has(n.type) && !hiddenIds.has(n.id) && !(n.group && n.group.remaining === 0));
  const shown = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target) && !hiddenIds.has(e.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selected = options.selectedId && shown.has(options.selectedId) ? options.selectedId : null;
  const near = new Set(selected ? [selected, ...edges.filter((e) => e.source === selected || e.target === selected).flatMap((e) => [e.source, e.target])] : []);
  const dim = (id: string) => (selected && !near.has(id) ? ' opacity="0.3"' : '');
  const path = options.pathIds ?? new Set<string>();
  const expandedIds = options.expandedIds ?? new Set<string>();

  const points = nodes.map((n) => positions[n.id]!);
  const pad = 70;
  let minX = Math.min(0, ...points.map((p) => p.x)) - pad;
  let minY = Math.min(0, ...points.map((p) => p.y)) - pad;
  let width = Math.max(0, ...points.map((p) => p.x)) + pad - minX;
  let height = Math.max(0, ...points.map((p) => p.y)) + pad - minY;
  if (options.frame) {
    ({ x: minX, y: minY, width, height } = options.frame);
  } else if (options.width && options.height) {
    // Widen the box to the picture's aspect ratio, so no renderer has to stretch it.
    const aspect = options.width / options.height;
    if (width / height < aspect) {
      minX -= (height * aspect - width) / 2;
      width = height * aspect;
    } else {
      minY -= (width / aspect - height) / 2;
      height = width / aspect;
    }
  }
  const size = options.width && options.height ? ` width="${options.width}" height="${options.height}"` : '';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}"${size} preserveAspectRatio="xMidYMid meet">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#f7f8fb"/>`,
  ];
  const bg = options.background;
  if (bg) {
    parts.push(`<image x="${bg.x}" y="${bg.y}" width="${bg.width}" height="${bg.height}" href="data:image/svg+xml;base64,${base64(bg.svg)}"/>`);
  }
  for (const edge of edges) {
    const a = positions[edge.source]!;
    const b = positions[edge.target]!;
    const onPath = path.has(edge.id);
    const evidence = evidenceLine(edge.evidence);
    const dash = edge.id.endsWith('->') ? '6 4' : SVG_DASH[evidence.line];
    const style = onPath ? 'stroke="#d7263d" stroke-width="4"' : `stroke="#b8c2d1" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
    const faded = selected && !(near.has(edge.source) && near.has(edge.target) && (edge.source === selected || edge.target === selected)) ? ' opacity="0.3"'
      : evidence.opacity < 1 && !onPath ? ` opacity="${evidence.opacity}"` : '';
    parts.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" ${style}${faded}/>`);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const target = byId.get(edge.target);
    if (options.asDrawn && target && !target.group && length > 0) {
      // An arrowhead where the line meets the target's outline, pointing at it.
      const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
      const tip = { x: b.x - ux * (sizeOf(target) / 2 + 1), y: b.y - uy * (sizeOf(target) / 2 + 1) };
      const [len, half] = onPath ? [14, 7] : [10, 5];
      const base = { x: tip.x - ux * len, y: tip.y - uy * len };
      const points = [[tip.x, tip.y], [base.x - uy * half, base.y + ux * half], [base.x + uy * half, base.y - ux * half]].map(([x, y]) => `${round(x!)},${round(y!)}`).join(' ');
      parts.push(`<polygon points="${points}" fill="${onPath ? '#d7263d' : '#8a96a8'}"${faded}/>`);
    }
  }
  for (const node of nodes) {
    const p = positions[node.id]!;
    const r = sizeOf(node) / 2;
    const color = colourOf(node);
    const ring = node.id === selected ? ' stroke="#111827" stroke-width="4"' : path.has(node.id) ? ' stroke="#d7263d" stroke-width="4"' : ' stroke="#ffffff" stroke-width="2"';
    if (node.group) {
      parts.push(`<rect x="${p.x - r}" y="${p.y - r}" width="${2 * r}" height="${2 * r}" rx="8" fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-width="2" stroke-dasharray="6 4"${dim(node.id)}/>`);
      // "151 countries" reads as the count in bold over the noun ("151 страна", "151个国家").
      const line = names.typeCount(node.group.entityType, node.group.remaining);
      const count = node.group.remaining.toLocaleString(names.locale);
      const at = line.indexOf(count);
      const noun = at >= 0 ? `${line.slice(0, at)}${line.slice(at + count.length)}`.trim() : line;
      const faded = Boolean(dim(node.id));
      texts.push({ x: p.x, y: p.y - 2, size: 13, bold: true, text: at >= 0 ? count : '', dim: faded });
      texts.push({ x: p.x, y: p.y + 13, size: 11, bold: false, text: noun, dim: faded });
    } else {
      if (options.asDrawn) parts.push(shapeSvg(typeStyle(node.type).shape, p.x, p.y, 2 * r, ` fill="${color}"${ring}${dim(node.id)}`));
      else parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${color}"${ring}${dim(node.id)}/>`);
      if (isWeakEntity(node.evidence)) {
        parts.push(`<path d="${ringPath(p.x, p.y, r + WEAK_MARK.gap)}" fill="none" stroke="${WEAK_MARK.colour}" stroke-width="${WEAK_MARK.width}" stroke-dasharray="${WEAK_MARK.dash}"${dim(node.id)}/>`);
      }
    }
  }
  if (labels) {
    // The same rule as the canvas: a label takes the first place around its entity (below first)
    // where it overlaps no other label or entity and stays inside the picture, or is left out.
    const label = (n: GraphNode) => names.captionLine(n, 27);
    const bodyOf = (n: GraphNode): Box => {
      const p = positions[n.id]!;
      const r = sizeOf(n) / 2;
      return { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r };
    };
    const moves = new Map<string, { dx: number; dy: number }[]>();
    const candidates: LabelCandidate[] = nodes.filter((n) => !n.group).map((n) => {
      const p = positions[n.id]!;
      const w = textWidth(label(n), font) + 4;
      const top = p.y + sizeOf(n) / 2 + 2;
      const below = { x1: p.x - w / 2, y1: top, x2: p.x + w / 2, y2: top + font + 4 };
      const spots = labelSpots(bodyOf(n), below);
      moves.set(n.id, spots);
      return {
        id: n.id, label: below, alternatives: spots.slice(1).map(({ dx, dy }) => shifted(below, dx, dy)),
        priority: labelPriority(n, style, path.has(n.id), expandedIds.has(n.id)), forced: n.id === selected,
      };
    });
    const obstacles: Obstacle[] = nodes.map((n) => ({ id: n.id, box: bodyOf(n) }));
    const placed = placeLabels(candidates, obstacles, { x1: minX, y1: minY, x2: minX + width, y2: minY + height });
    for (const node of nodes) {
      const spot = placed.get(node.id);
      if (spot === undefined) continue;
      const p = positions[node.id]!;
      const { dx, dy } = moves.get(node.id)![spot]!;
      texts.push({ x: p.x + dx, y: p.y + sizeOf(node) / 2 + 2 + font + dy, size: font, bold: false, text: label(node), dim: Boolean(dim(node.id)) });
    }
  }
  if (textInSvg) {
    for (const t of texts) {
      if (!t.text) continue;
      parts.push(`<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.bold ? ' font-weight="700"' : ''} text-anchor="middle" fill="#1d2433" font-family="sans-serif"${t.dim ? ' opacity="0.3"' : ''}>${escapeXml(t.text)}</text>`);
    }
  }
  parts.push('</svg>');
  return { svg: parts.join(''), box: { x: minX, y: minY, width, height }, texts };
}

/** The view as SVG markup, text included (the server-drawn picture on the page). */
export function previewSvg(graph: Subgraph, positions: Positions, options: PreviewOptions = {}): string {
  return previewScene(graph, positions, options).svg;
}
