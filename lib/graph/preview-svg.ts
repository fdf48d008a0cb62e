import { typeStyle } from './entity-style';
import type { Positions } from '../layout/compute-layout';
import { nodeSize } from './to-elements';
import type { Subgraph } from './types';

/**
 * A view as SVG markup, from the same positions the canvas uses: the server paints it before the
 * canvas loads, and the preview image for shared links is rendered from it.
 */
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function previewSvg(graph: Subgraph, positions: Positions, options: { width?: number; height?: number; labels?: boolean } = {}): string {
  const { labels = true } = options;
  const points = graph.nodes.map((n) => positions[n.id]).filter((p): p is { x: number; y: number } => Boolean(p));
  const pad = 70;
  let minX = Math.min(0, ...points.map((p) => p.x)) - pad;
  let minY = Math.min(0, ...points.map((p) => p.y)) - pad;
  let width = Math.max(0, ...points.map((p) => p.x)) + pad - minX;
  let height = Math.max(0, ...points.map((p) => p.y)) + pad - minY;
  if (options.width && options.height) {
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
  for (const edge of graph.edges) {
    const a = positions[edge.source];
    const b = positions[edge.target];
    if (a && b) parts.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="#b8c2d1" stroke-width="1.6"/>`);
  }
  for (const node of graph.nodes) {
    const p = positions[node.id];
    if (!p) continue;
    const r = nodeSize(node.degree) / 2;
    parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${typeStyle(node.type).color}" stroke="#ffffff" stroke-width="2"/>`);
    if (labels) {
      const name = node.name.length > 28 ? `${node.name.slice(0, 26)}…` : node.name;
      parts.push(`<text x="${p.x}" y="${p.y + r + 12}" font-size="11" text-anchor="middle" fill="#1d2433" font-family="sans-serif">${escapeXml(name)}</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
