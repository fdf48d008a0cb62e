import { requestedLocale, type Locale } from '../i18n/locales';
import { shippedStory } from '../stories';
import { readStory, viewParamsFor, type StoryContext } from '../story/steps';
import { parseExplorerState, serializeExplorerState } from '../url-state';
import { neighborParams, pathParams, searchParams, subgraphParams } from './params';

/**
 * What a cached GET is known by, however its address is dressed. The JSON routes read only the
 * parameters of their schemas (lib/http/params.ts; zod drops the rest), so an address keeps just
 * those, sorted: `?utm_source=x&q=a` and `?q=a` are one request, and junk parameters cannot fill the
 * front door's table. A preview image is the view its link describes, as the deep-link codec writes it.
 */
const READS: [RegExp, readonly string[]][] = [
  [/^\/api\/search$/, Object.keys(searchParams.shape)],
  [/^\/api\/nodes\/[^/]+\/neighbors$/, Object.keys(neighborParams.shape)],
  [/^\/api\/nodes\/[^/]+$/, []],
  [/^\/api\/subgraph$/, Object.keys(subgraphParams.shape)],
  [/^\/api\/paths$/, Object.keys(pathParams.in.shape)],
];

/**
 * The path after the URL standard's normalisation and the parameters its route reads, re-serialised
 * (Next.js hands routes a re-serialised query: `a%20b` arrives as `a+b`, `,` as `%2C`); a path not
 * listed above keeps all its parameters. Null for an address that does not parse.
 */
export function canonicalAddress(url: string): string | null {
  // A read that misses the cache asks twice in a row (the front door, then the route remembering it).
  if (last?.url !== url) last = { url, address: canonical(url) };
  return last.address;
}

let last: { url: string; address: string | null } | null = null;

function canonical(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://edge.invalid');
  } catch {
    return null;
  }
  const reads = READS.find(([path]) => path.test(parsed.pathname))?.[1];
  const params = new URLSearchParams([...parsed.searchParams].filter(([name]) => !reads || reads.includes(name)));
  params.sort();
  const query = params.toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

export interface PreviewLink {
  /** The view as the codec writes it, in the image's language, without the viewport (the image fits the whole view). */
  link: string;
  locale: Locale;
  /** True when the link names the language; otherwise the answer varies with Accept-Language. */
  fromLink: boolean;
  /** The story step the image is of (its title and caption), or null. */
  story: StoryContext | null;
}

/** The view a preview image's address asks for: its cache key, whatever else the address carries. */
export function previewLink(params: URLSearchParams, acceptLanguage: string | null): PreviewLink {
  const locale = requestedLocale(params.get('lang'), acceptLanguage);
  // A story step is drawn as its view (unless the link names one), titled and captioned by the story.
  const story = readStory(params, (id) => shippedStory(id, locale)).context;
  const view = serializeExplorerState({ ...parseExplorerState(viewParamsFor(params, story)).state, viewport: null, lang: locale });
  const link = story ? `${view}&${new URLSearchParams({ story: story.code, step: String(story.step + 1) }).toString()}` : view;
  return { link, locale, fromLink: params.get('lang') === locale, story };
}

export const previewCacheKey = (link: string) => `preview\u0000${link}`;
