import { ImageResponse } from 'next/og';
import type { AnalysisSettings, MetricsInput, ViewStyle } from '../analysis/settings';
import { styleView } from '../analysis/view-style';
import { previewSvg, type PreviewOptions } from '../graph/preview-svg';
import type { Subgraph } from '../graph/types';
import { computeLayout, provideMapLayout, type LayoutInput, type Positions } from '../layout/compute-layout';
import { mapLayout } from '../layout/map-layout';

provideMapLayout(mapLayout);

/**
 * The CPU-heavy work the server does: a view's layout (headless Cytoscape + fCoSE), a share
 * preview (SVG of the view, rasterised to PNG by next/og) and a view's analysis (PageRank, Louvain). Pure functions of their input, so they
 * run in a worker thread (heavy.worker.ts) and, where no worker is available, in-process.
 */

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
const HEADER = 90;

export interface PreviewCard {
  graph: Subgraph;
  positions: Positions;
  title: string;
  subtitle: string;
  /** What the link says about hidden types, the selection, a path and the map. */
  options?: PreviewOptions;
}

export async function renderPreview({ graph, positions, title, subtitle, options }: PreviewCard): Promise<Uint8Array> {
  const svg = previewSvg(graph, positions, { ...options, width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT - HEADER, labels: graph.nodes.length <= 200 });
  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#f7f8fb', fontFamily: 'sans-serif' }}>
        <div style={{ height: HEADER, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '0 36px', background: '#ffffff', borderBottom: '2px solid #dde3ec' }}>
          <div style={{ fontSize: 34, fontWeight: 700, color: '#1d2433', display: 'flex' }}>{title.length > 70 ? `${title.slice(0, 68)}…` : title}</div>
          <div style={{ fontSize: 20, color: '#5e6a7d', display: 'flex' }}>{subtitle}</div>
        </div>
        <img src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`} width={PREVIEW_WIDTH} height={PREVIEW_HEIGHT - HEADER} alt="" />
      </div>
    ),
    { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT },
  );
  return new Uint8Array(await image.arrayBuffer());
}

export const tasks = {
  layout: (input: LayoutInput): Positions => computeLayout(input),
  preview: renderPreview,
  analysis: ({ input, settings }: { input: MetricsInput; settings: AnalysisSettings }): ViewStyle => styleView(input, settings),
};

export type TaskName = keyof typeof tasks;
