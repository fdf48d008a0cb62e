import type { Core } from 'cytoscape';
import { api } from '@/lib/client/api';
import { exportCsvZip } from '@/lib/export/csv-zip';
import { exportFilename, MIME_TYPES, type ExportFormat } from '@/lib/export/filename';
import { exportGexf } from '@/lib/export/gexf';
import { exportGraphml } from '@/lib/export/graphml';
import { exportJson } from '@/lib/export/json';
import { layoutLegend, LEGEND_FONT, type LegendLayout, type Measure } from '@/lib/export/legend';
import { buildExportView, shownEntityIds, type ExportView } from '@/lib/export/model';
import { withPngText } from '@/lib/export/png-text';
import { outlineOf } from '@/lib/draw/node-shapes';
import { exportSvg } from '@/lib/export/svg';
import type { ExportTexts } from '@/lib/export/texts';
import type { Subgraph } from '@/lib/graph/types';
import type { LayoutName, Positions } from '@/lib/layout/compute-layout';

/**
 * Builds an export of the view in the browser and downloads it. Loaded on first use only (the
 * builders, the zip library and the picture code stay out of the page's first load).
 */

export interface ExportSource {
  graph: Subgraph;
  hiddenTypes: string[];
  /** Entities and relationships the time and evidence filters hide. */
  hiddenIds: Set<string>;
  /** Selected entity or relationship id (the picture dims the rest, as the canvas does). */
  selectedId: string | null;
  pathIds: Set<string>;
  expandedIds: Set<string>;
  layout: LayoutName;
  /** The address of the view as it is now. */
  link: string;
}

const BACKGROUND = '\u0001background';
const PNG_SCALE = 2;

/** Where every node is on the canvas now (after any dragging), in model coordinates. */
function canvasPositions(cy: Core): Positions {
  const out: Positions = {};
  cy.nodes().forEach((n) => {
    if (n.id() !== BACKGROUND) out[n.id()] = { ...n.position() };
  });
  return out;
}

function download(bytes: BlobPart, format: ExportFormat, now: Date): string {
  const name = exportFilename(format, now);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  return (text, size, bold) => {
    ctx.font = `${bold ? '700 ' : ''}${size}px ${LEGEND_FONT}`;
    return ctx.measureText(text).width;
  };
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: LegendLayout, top: number): void {
  ctx.save();
  ctx.translate(0, top);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, legend.width, legend.height);
  ctx.fillStyle = '#dde3ec';
  ctx.fillRect(0, 0, legend.width, 1);
  for (const item of legend.items) {
    if (item.kind === 'swatch') {
      ctx.fillStyle = item.color;
      ctx.beginPath();
      const half = item.size / 2;
      const outline = outlineOf(item.shape);
      if (outline.kind === 'circle') ctx.arc(item.x, item.y, half, 0, 2 * Math.PI);
      else if (outline.kind === 'rect') ctx.roundRect(item.x - half, item.y - half, item.size, item.size, half * outline.radius);
      else outline.points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, item.x + px * half, item.y + py * half));
      ctx.closePath();
      ctx.fill();
    } else if (item.kind === 'group') {
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = item.color;
      ctx.fillRect(item.x, item.y, item.size, item.size);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = item.color;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect(item.x + 0.5, item.y + 0.5, item.size - 1, item.size - 1);
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = item.color;
      ctx.font = `${item.bold ? '700 ' : ''}${item.size}px ${LEGEND_FONT}`;
      ctx.fillText(item.text, item.x, item.y);
    }
  }
  ctx.restore();
}

/** PNG metadata: the title, the link and every source, so the picture keeps them wherever it goes. */
function pngText(view: ExportView, texts: ExportTexts): [string, string][] {
  return [
    ['Title', `${texts.title} · ${texts.summary(view.entities.length, view.relationships.length)}`],
    ['Source', view.link],
    ['Creation Time', view.exportedAt],
    ['Description', [`${texts.link} ${view.link}`, ...view.groups.map(texts.group), ...(view.hidden.length > 0 ? [texts.hidden(view.hidden)] : [])].join('\n')],
    ['Comment', view.sources.map((s) => `${s.publisher}: ${s.title}${s.date ? ` (${s.date})` : ''} ${s.url}`).join('\n')],
  ];
}

async function png(cy: Core, view: ExportView, texts: ExportTexts): Promise<Uint8Array> {
  // Twice the canvas's CSS size on every screen: given a scale, Cytoscape would also multiply by the
  // device's pixel ratio (4x on a retina phone); given maximum dimensions, it does not.
  const shot = await createImageBitmap(await cy.png({ output: 'blob-promise', bg: '#ffffff', full: false, maxWidth: cy.width() * PNG_SCALE, maxHeight: cy.height() * PNG_SCALE }));
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const legend = layoutLegend(view, texts, shot.width / PNG_SCALE, canvasMeasure(ctx));
  canvas.width = shot.width;
  canvas.height = shot.height + Math.ceil(legend.height * PNG_SCALE);
  ctx.drawImage(shot, 0, 0);
  ctx.scale(PNG_SCALE, PNG_SCALE);
  drawLegend(ctx, legend, shot.height / PNG_SCALE);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  return withPngText(new Uint8Array(await blob.arrayBuffer()), pngText(view, texts));
}

async function svg(cy: Core, view: ExportView, texts: ExportTexts, source: ExportSource): Promise<string> {
  const extent = cy.extent();
  const background = source.layout === 'map' ? (await import('@/lib/geo/basemap')).basemapSvg() : null;
  return exportSvg(view, texts, {
    graph: source.graph,
    positions: canvasPositions(cy),
    size: { width: cy.width(), height: cy.height() },
    frame: { x: extent.x1, y: extent.y1, width: extent.w, height: extent.h },
    // The canvas draws labels larger when zoomed out, so they stay readable: so does the picture.
    options: { hiddenTypes: source.hiddenTypes, hiddenIds: source.hiddenIds, selectedId: source.selectedId, pathIds: source.pathIds, expandedIds: source.expandedIds, background, fontScale: 1 / Math.min(1, cy.zoom()) },
  }, canvasMeasure(document.createElement('canvas').getContext('2d')!));
}

/** Builds the export and starts its download; resolves to the file name. */
export async function runExport(format: ExportFormat, source: ExportSource, cy: Core | null, texts: ExportTexts): Promise<string> {
  const now = new Date();
  const ids = shownEntityIds(source.graph, source.hiddenTypes, source.hiddenIds);
  const { entities } = ids.length > 0 ? await api.entities(ids) : { entities: [] };
  const view = buildExportView({ graph: source.graph, hiddenTypes: source.hiddenTypes, hiddenIds: source.hiddenIds, records: entities, link: source.link, now });
  const positions = cy ? canvasPositions(cy) : {};
  switch (format) {
    case 'png': return download(await png(cy!, view, texts) as BlobPart, format, now);
    case 'svg': return download(await svg(cy!, view, texts, source), format, now);
    case 'json': return download(exportJson(view, texts), format, now);
    case 'csv': return download(exportCsvZip(view, texts) as BlobPart, format, now);
    case 'gexf': return download(exportGexf(view, texts, positions), format, now);
    case 'graphml': return download(exportGraphml(view, texts), format, now);
  }
}
