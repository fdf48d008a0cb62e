import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { loadView, previewOptions, previewTexts } from '@/lib/db/view';
import { cachedResponse } from '@/lib/http/cache-headers';
import { toErrorResponse } from '@/lib/http/error-response';
import { DataError } from '@/lib/db/errors';
import { stateIds } from '@/lib/url-state';
import { previewCacheKey, previewLink } from '@/lib/http/edge-address';
import { pooledPreview } from '@/lib/workers/heavy';
import { translatorFor } from '@/lib/i18n/translate';
import { visibleEntities } from '@/lib/analysis/visibility';
import { withPngText } from '@/lib/export/png-text';

/**
 * The Open Graph / Twitter card image of a shared view: the same query string as the page, the
 * same server-side layout, drawn as a PNG in a worker thread. Bad links still get an image (of what
 * was valid). Images are cached by dataset version, under the view the link describes as the deep-link
 * codec writes it (lib/url-state.ts), so parameters that change nothing (unknown ones, the viewport,
 * another spelling) find the same image instead of drawing a new one and pushing good ones out;
 * once drawn, the HTTP server answers them itself (lib/http/edge-cache.ts).
 * When the database does not answer, or every worker is busy, the answer is 503 with Retry-After and
 * nothing is cached. The text is in the link's `lang` (pages always put it in the image's link), else
 * in the language the client asks for. A story step (`story=`, `step=`) is titled with the story and
 * captioned with the step's caption.
 * The PNG says in its metadata (`Counts`) how many entities and relationships it draws, after the
 * type, time and evidence filters: the same count an export of the view holds.
 */
export async function GET(request: NextRequest) {
  const { link, locale, fromLink, story } = previewLink(request.nextUrl.searchParams, request.headers.get('accept-language'));
  try {
    const cached = await cachedRead(previewCacheKey(link), async () => {
      const view = await loadView(new URLSearchParams(link));
      if (view.unavailable) throw new DataError('database_unavailable', 'The graph database is not reachable.');
      if (view.graph.nodes.length === 0 && stateIds(view.state).length > 0) throw new DataError('query_timeout', 'The graph database took too long to answer for this view.');
      const options = previewOptions(view);
      const png = await pooledPreview({
        graph: view.graph,
        positions: view.positions,
        ...previewTexts(view, options, locale),
        ...(story ? {
          title: translatorFor(locale, 'share')('storyTitle', { title: story.story.title, step: story.step + 1, count: story.story.steps.length }),
          subtitle: story.story.steps[story.step]?.caption ?? '',
        } : {}),
        locale,
        options,
      });
      const drawn = visibleEntities(view.graph, view.state.hiddenTypes, options.hiddenIds ?? new Set());
      return withPngText(png, [['Counts', `entities: ${drawn.nodes.length}, relationships: ${drawn.edges.length}`]]);
    }, (png) => png);
    return cachedResponse(request, cached, 'image/png', { maxAgeSeconds: 300, vary: fromLink ? [] : ['Accept-Language'] });
  } catch (error) {
    return toErrorResponse(error);
  }
}
