import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { requestedLocale } from '@/lib/i18n/locales';
import { loadView, previewOptions, previewTexts } from '@/lib/db/view';
import { cachedResponse } from '@/lib/http/cache-headers';
import { toErrorResponse } from '@/lib/http/error-response';
import { DataError } from '@/lib/db/errors';
import { stateIds } from '@/lib/url-state';
import { pooledPreview } from '@/lib/workers/heavy';
import { translatorFor } from '@/lib/i18n/translate';
import { shippedStory } from '@/lib/stories';
import { readStory, viewParamsFor } from '@/lib/story/steps';

/**
 * The Open Graph / Twitter card image of a shared view: the same query string as the page, the
 * same server-side layout, drawn as a PNG in a worker thread. Bad links still get an image (of what
 * was valid). Images are cached by dataset version; when the database does not answer, or every
 * worker is busy, the answer is 503 with Retry-After and nothing is cached. The text is in the link's
 * `lang` (pages always put it in the image's link), else in the language the client asks for.
 * A story step (`story=`, `step=`) is titled with the story and captioned with the step's caption.
 */
export async function GET(request: NextRequest) {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  const locale = requestedLocale(params.get('lang'), request.headers.get('accept-language'));
  const fromLink = params.get('lang') === locale;
  const story = readStory(params, (id) => shippedStory(id, locale)).context;
  const viewParams = viewParamsFor(params, story);
  viewParams.set('lang', locale);
  viewParams.sort();
  try {
    const cached = await cachedRead(`preview\u0000${viewParams.toString()}`, async () => {
      const view = await loadView(viewParams);
      if (view.unavailable) throw new DataError('database_unavailable', 'The graph database is not reachable.');
      if (view.graph.nodes.length === 0 && stateIds(view.state).length > 0) throw new DataError('query_timeout', 'The graph database took too long to answer for this view.');
      const options = previewOptions(view);
      return pooledPreview({
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
    }, (png) => png);
    const response = cachedResponse(request, cached, 'image/png', 300);
    if (!fromLink) response.headers.append('Vary', 'Accept-Language');
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}
