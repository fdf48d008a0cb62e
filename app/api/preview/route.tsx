import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { requestedLocale } from '@/lib/i18n/locales';
import { loadView, previewOptions, previewTexts } from '@/lib/db/view';
import { cachedResponse } from '@/lib/http/cache-headers';
import { toErrorResponse } from '@/lib/http/error-response';
import { DataError } from '@/lib/db/errors';
import { stateIds } from '@/lib/url-state';
import { pooledPreview } from '@/lib/workers/heavy';
import { visibleEntities } from '@/lib/analysis/visibility';
import { withPngText } from '@/lib/export/png-text';

/**
 * The Open Graph / Twitter card image of a shared view: the same query string as the page, the
 * same server-side layout, drawn as a PNG in a worker thread. Bad links still get an image (of what
 * was valid). Images are cached by dataset version; when the database does not answer, or every
 * worker is busy, the answer is 503 with Retry-After and nothing is cached. The text is in the link's
 * `lang` (pages always put it in the image's link), else in the language the client asks for.
 * The PNG says in its metadata (`Counts`) how many entities and relationships it draws, after the
 * type, time and evidence filters: the same count an export of the view holds.
 */
export async function GET(request: NextRequest) {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  const locale = requestedLocale(params.get('lang'), request.headers.get('accept-language'));
  const fromLink = params.get('lang') === locale;
  params.set('lang', locale);
  params.sort();
  try {
    const cached = await cachedRead(`preview\u0000${params.toString()}`, async () => {
      const view = await loadView(params);
      if (view.unavailable) throw new DataError('database_unavailable', 'The graph database is not reachable.');
      if (view.graph.nodes.length === 0 && stateIds(view.state).length > 0) throw new DataError('query_timeout', 'The graph database took too long to answer for this view.');
      const options = previewOptions(view);
      const png = await pooledPreview({
        graph: view.graph,
        positions: view.positions,
        ...previewTexts(view, options, locale),
        locale,
        options,
      });
      const drawn = visibleEntities(view.graph, view.state.hiddenTypes, options.hiddenIds ?? new Set());
      return withPngText(png, [['Counts', `entities: ${drawn.nodes.length}, relationships: ${drawn.edges.length}`]]);
    }, (png) => png);
    const response = cachedResponse(request, cached, 'image/png', 300);
    if (!fromLink) response.headers.append('Vary', 'Accept-Language');
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}
