import 'server-only';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { cache } from 'react';
import { appEnv } from '../env';
import { serializeExplorerState, stateIds } from '../url-state';
import { shippedStory } from '../stories';
import { readStory, storyParams, viewParamsFor, type StoryContext } from '../story/steps';
import type { Note } from '../i18n/notes';
import { labellerFor, translatorFor } from '../i18n/translate';
import type { Locale } from '../i18n/locales';
import type { GraphNode } from '../graph/types';
import { loadView, type View } from './view';

type SearchParams = Record<string, string | string[] | undefined>;

/** URLSearchParams text of what Next hands a page, so a view can be cached per request by value. */
export function queryText(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  return search.toString();
}

/**
 * The story a page's link names (resolved in the page's language) and the query of the view to
 * draw: the link's own view, else the story step's. A malformed story is a note; the view opens as usual.
 */
export function storyPage(params: SearchParams, locale: Locale): { query: string; story: StoryContext | null; notes: Note[]; hasView: boolean } {
  const search = new URLSearchParams(queryText(params));
  const { context, notes } = readStory(search, (id) => shippedStory(id, locale));
  const view = viewParamsFor(search, context);
  return { query: view.toString(), story: context, notes, hasView: view.has('n') || view.has('ids') };
}

/** One loadView per request, shared by generateMetadata and the page. */
export const pageView = cache((query: string, fallbackId?: string): Promise<View> => loadView(new URLSearchParams(query), fallbackId));

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The site's origin for absolute preview-image URLs: PUBLIC_URL when set. Otherwise the Host header
 * (validated); X-Forwarded-Host/-Proto are ignored, since any client can send them and the answer
 * ends up in pages that others are shown. Deployments behind a proxy set PUBLIC_URL.
 */
async function origin(): Promise<URL> {
  const configured = appEnv().PUBLIC_URL;
  if (configured) return new URL(configured);
  const host = (await headers()).get('host')?.trim();
  const safeHost = host && HOST.test(host) ? host : 'localhost:3000';
  const proto = /^(localhost|127\.|\[::1\])/.test(safeHost) ? 'http' : 'https';
  try {
    return new URL(`${proto}://${safeHost}`);
  } catch {
    return new URL('http://localhost:3000');
  }
}

/**
 * Title, description and a preview image (the same view drawn as a PNG) for link unfurls, in the
 * page's language: captions in it, and the image's link carries it (a crawler has its own Accept-Language).
 */
export async function viewMetadata(view: View, locale: Locale, focusNode?: GraphNode, story?: StoryContext | null): Promise<Metadata> {
  const t = translatorFor(locale, 'share');
  const labels = labellerFor(locale);
  const selected = view.state.selected?.kind === 'node' ? view.state.selected.id : null;
  const focus = focusNode ?? view.graph.nodes.find((n) => n.id === selected);
  const names = view.graph.nodes.slice(0, 6).map((n) => labels.nodeName(n)).join(', ');
  const listed = { count: stateIds(view.state).length, names: `${names}${view.graph.nodes.length > 6 ? ', ...' : ''}` };
  // A story step is shared as the story's title and the step's caption.
  const title = story ? t('storyTitle', { title: story.story.title, step: story.step + 1, count: story.story.steps.length })
    : focus ? labels.nodeName(focus) : view.dataset.title ?? t('title');
  const description = story ? story.story.steps[story.step]?.caption ?? ''
    : view.dataset.title && !view.dataset.provenance ? t('descriptionOther', { ...listed, title: view.dataset.title }) : t('description', listed);
  // The image is drawn from the view as resolved (unknown ids dropped, default view filled in).
  const image = `/api/preview?${serializeExplorerState({ ...view.state, viewport: null, lang: locale })}${story ? `&${storyParams(story)}` : ''}`;
  const alt = t('imageAlt', { title });
  return {
    metadataBase: await origin(),
    title,
    description,
    openGraph: { title, description, type: 'website', locale: OG_LOCALES[locale], images: [{ url: image, width: 1200, height: 630, alt }] },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

const OG_LOCALES: Record<Locale, string> = { en: 'en_US', ru: 'ru_RU', zh: 'zh_CN' };
