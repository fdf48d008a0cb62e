import { ImageResponse } from 'next/og';
import type { AnalysisSettings, MetricsInput, ViewStyle } from '../analysis/settings';
import { styleView } from '../analysis/view-style';
import { previewScene, textWidth, type PreviewOptions } from '../draw/preview-svg';
import type { Subgraph } from '../graph/types';
import type { Locale } from '../i18n/locales';
import { labellerFor } from '../i18n/translate';
import { computeLayout, provideMapLayout, type LayoutInput, type Positions } from '../layout/compute-layout';
import { mapLayout } from '../layout/map-layout';
import { fontsFor, PRIMARY_FONT } from './preview-fonts';

provideMapLayout(mapLayout);

/**
 * The CPU-heavy work the server does: a view's layout (headless Cytoscape + fCoSE), a share
 * preview (SVG of the view, rasterised to PNG by next/og) and a view's analysis (PageRank, Louvain). Pure functions of their input, so they
 * run in a worker thread (heavy.worker.ts) and, where no worker is available, in-process.
 */

export const PREVIEW_WIDTH = 1200;
const PREVIEW_HEIGHT = 630;
const HEADER = 90;
const SUBTITLE_SIZE = 20;
const SUBTITLE_LINE = 26;
const INK = '#1d2433';
const TITLE_WIDTH = PREVIEW_WIDTH - 72;

/**
 * The title on one line: a long one is drawn smaller (down to 26 px), and what still does not fit
 * ends in an ellipsis, so it never runs into the line below.
 */
export function fitTitle(title: string): { text: string; size: number } {
  // Bold glyphs are a little wider than textWidth estimates.
  const width = (text: string, size: number) => textWidth(text, size) * 1.02;
  const size = Math.max(26, Math.min(34, Math.floor(34 * TITLE_WIDTH / Math.max(1, width(title, 34)))));
  if (width(title, size) <= TITLE_WIDTH) return { text: title, size };
  const chars = [...title];
  let keep = chars.length;
  while (keep > 1 && width(`${chars.slice(0, keep).join('').trimEnd()}…`, size) > TITLE_WIDTH) keep--;
  return { text: `${chars.slice(0, keep).join('').trimEnd()}…`, size };
}

/**
 * The subtitle in at most two lines (a story step's caption is long), broken at spaces where the
 * language has them (else anywhere, as Chinese is written); what does not fit ends in an ellipsis.
 */
export function fitSubtitle(text: string, maxLines = 2): string[] {
  const width = (t: string) => textWidth(t, SUBTITLE_SIZE);
  const words = text.split(/(?<=\s)/u).flatMap((w) => (width(w) > TITLE_WIDTH / 3 ? [...w] : [w]));
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    if (width(line + word) <= TITLE_WIDTH || line === '') {
      line += word;
      continue;
    }
    if (lines.length === maxLines - 1) {
      const rest = [...`${line}${words.slice(i).join('')}`];
      let keep = rest.length;
      while (keep > 1 && width(`${rest.slice(0, keep).join('').trimEnd()}…`) > TITLE_WIDTH) keep--;
      lines.push(`${rest.slice(0, keep).join('').trimEnd()}…`);
      return lines;
    }
    lines.push(line.trimEnd());
    line = word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface PreviewCard {
  graph: Subgraph;
  positions: Positions;
  title: string;
  subtitle: string;
  /** The link's language: captions and group labels in it. */
  locale?: Locale;
  /** What the link says about hidden types, the selection, a path and the map. */
  options?: PreviewOptions;
}

/**
 * The graph's shapes are an SVG image; its text (captions, group counts), the title and subtitle are
 * drawn by satori with fonts the app ships, so Chinese and Russian read the same on any server,
 * whatever fonts it has installed.
 */
async function renderPreview({ graph, positions, title, subtitle, locale = 'en', options }: PreviewCard): Promise<Uint8Array> {
  const subtitleLines = fitSubtitle(subtitle);
  const header = HEADER + Math.max(0, subtitleLines.length - 1) * SUBTITLE_LINE;
  const pictureHeight = PREVIEW_HEIGHT - header;
  const scene = previewScene(graph, positions, {
    ...options, names: labellerFor(locale), textInSvg: false, width: PREVIEW_WIDTH, height: pictureHeight, labels: graph.nodes.length <= 200,
  });
  const scale = PREVIEW_WIDTH / scene.box.width;
  const shownTitle = fitTitle(title);
  const texts = scene.texts.filter((t) => t.text && t.size * scale >= 6);
  const fonts = fontsFor([
    { text: shownTitle.text, weight: 700 },
    { text: subtitleLines.join(''), weight: 400 },
    ...texts.map((t) => ({ text: t.text, weight: t.bold ? 700 as const : 400 as const })),
  ]);
  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#f7f8fb', fontFamily: PRIMARY_FONT }}>
        <div style={{ height: header, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '0 36px', background: '#ffffff', borderBottom: '2px solid #dde3ec' }}>
          <div style={{ fontSize: shownTitle.size, fontWeight: 700, color: INK, display: 'flex', whiteSpace: 'nowrap' }}>{shownTitle.text}</div>
          {subtitleLines.map((line, i) => (
            <div key={i} style={{ fontSize: SUBTITLE_SIZE, lineHeight: `${SUBTITLE_LINE}px`, color: '#5e6a7d', display: 'flex', whiteSpace: 'nowrap' }}>{line}</div>
          ))}
        </div>
        <div style={{ position: 'relative', display: 'flex', width: PREVIEW_WIDTH, height: pictureHeight }}>
          <img src={`data:image/svg+xml;base64,${Buffer.from(scene.svg).toString('base64')}`} width={PREVIEW_WIDTH} height={pictureHeight} alt="" />
          {texts.map((t, i) => {
            const size = t.size * scale;
            const x = (t.x - scene.box.x) * scale;
            const baseline = (t.y - scene.box.y) * scale;
            // A wide box centred on the anchor; the baseline sits about 0.8 em below the box's top.
            return (
              <div key={i} style={{
                position: 'absolute', left: x - 300, top: baseline - size * 0.95, width: 600, display: 'flex', justifyContent: 'center',
                fontSize: size, lineHeight: 1.2, fontWeight: t.bold ? 700 : 400, color: INK, opacity: t.dim ? 0.3 : 1, whiteSpace: 'nowrap',
              }}>{t.text}</div>
            );
          })}
        </div>
      </div>
    ),
    { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts },
  );
  return new Uint8Array(await image.arrayBuffer());
}

export const tasks = {
  layout: (input: LayoutInput): Positions => computeLayout(input),
  preview: renderPreview,
  analysis: ({ input, settings }: { input: MetricsInput; settings: AnalysisSettings }): ViewStyle => styleView(input, settings),
};

export type TaskName = keyof typeof tasks;
