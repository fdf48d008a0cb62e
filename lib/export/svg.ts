import { previewSvg, type PreviewOptions } from '../draw/preview-svg';
import type { Subgraph } from '../graph/types';
import type { Positions } from '../layout/compute-layout';
import { layoutLegend, legendSvg, type Measure } from './legend';
import type { ExportView } from './model';
import type { ExportTexts } from './texts';
import { xmlAttr, xmlElement, xmlText } from './xml';

/**
 * The view as SVG: the part of the graph the canvas shows (same positions, same frame, labels as
 * large as on screen), at the canvas's size, with the legend underneath. The link and every source
 * are also in <metadata>, for programs; <title> and <desc> say what it is to screen readers.
 */

const SVG_METADATA_NS = 'urn:belt-road-graph:export:1';

export interface SvgFrame {
  graph: Subgraph;
  positions: Positions;
  /** The canvas's size in CSS pixels. */
  size: { width: number; height: number };
  /** The model-space rectangle the canvas shows. */
  frame: { x: number; y: number; width: number; height: number };
  options: Omit<PreviewOptions, 'width' | 'height' | 'frame'>;
}

export function exportSvg(view: ExportView, texts: ExportTexts, picture: SvgFrame, measure?: Measure): string {
  const { width, height } = picture.size;
  const legend = layoutLegend(view, texts, width, measure);
  const total = height + legend.height;
  const graph = previewSvg(picture.graph, picture.positions, { asDrawn: true, ...picture.options, width, height, frame: picture.frame })
    .replace(/^<svg /, '<svg x="0" y="0" ');
  const metadata = `<metadata><view xmlns="${SVG_METADATA_NS}" link="${xmlAttr(view.link)}" exported="${xmlAttr(view.exportedAt)}" entities="${view.entities.length}" relationships="${view.relationships.length}">`
    + view.sources.map((s) => xmlElement('source', { id: s.id, publisher: s.publisher, title: s.title, date: s.date ?? undefined, url: s.url, reliability: s.reliability })).join('')
    + '</view></metadata>';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<title>${xmlText(`${texts.title} · ${texts.summary(view.entities.length, view.relationships.length)}`)}</title>`,
    `<desc>${xmlText(`${texts.link} ${view.link}`)}</desc>`,
    metadata,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    graph,
    `<g transform="translate(0 ${height})">${legendSvg(legend)}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
