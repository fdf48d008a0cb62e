import { ImageResponse } from 'next/og';
import type { NextRequest } from 'next/server';
import { previewSvg } from '@/lib/graph/preview-svg';
import { loadView, previewOptions } from '@/lib/graph/view';

const WIDTH = 1200;
const HEIGHT = 630;

/**
 * The Open Graph / Twitter card image of a shared view: the same query string as the page, the
 * same server-side layout, drawn as a PNG. Bad links still get an image (of what was valid).
 */
export async function GET(request: NextRequest) {
  const view = await loadView(request.nextUrl.searchParams);
  const selected = view.state.selected?.kind === 'node' ? view.state.selected.id : null;
  const title = view.graph.nodes.find((n) => n.id === selected)?.name ?? 'Belt and Road S&T graph';
  const svg = previewSvg(view.graph, view.positions, { ...previewOptions(view), width: WIDTH, height: HEIGHT - 90, labels: view.graph.nodes.length <= 200 });
  const subtitle = view.unavailable ? 'The graph database is not reachable right now'
    : `${view.graph.nodes.filter((n) => !n.group && !view.state.hiddenTypes.includes(n.type)).length} entities · every fact sourced`;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#f7f8fb', fontFamily: 'sans-serif' }}>
        <div style={{ height: 90, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '0 36px', background: '#ffffff', borderBottom: '2px solid #dde3ec' }}>
          <div style={{ fontSize: 34, fontWeight: 700, color: '#1d2433', display: 'flex' }}>{title.length > 70 ? `${title.slice(0, 68)}…` : title}</div>
          <div style={{ fontSize: 20, color: '#5e6a7d', display: 'flex' }}>{subtitle}</div>
        </div>
        <img src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`} width={WIDTH} height={HEIGHT - 90} alt="" />
      </div>
    ),
    { width: WIDTH, height: HEIGHT, headers: { 'Cache-Control': 'public, max-age=300' } },
  );
}
