import 'server-only';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { cache } from 'react';
import { serializeExplorerState, stateIds } from '../url-state';
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

/** One loadView per request, shared by generateMetadata and the page. */
export const pageView = cache((query: string, fallbackId?: string): Promise<View> => loadView(new URLSearchParams(query), fallbackId));

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The site's origin for absolute preview-image URLs; proxy headers may list several hops or be forged. */
async function origin(): Promise<URL> {
  const h = await headers();
  const first = (name: string) => h.get(name)?.split(',')[0]?.trim() || undefined;
  const host = [first('x-forwarded-host'), first('host')].find((candidate) => candidate && HOST.test(candidate)) ?? 'localhost:3000';
  const forwarded = first('x-forwarded-proto');
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : /^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https';
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return new URL('http://localhost:3000');
  }
}

/** Title, description and a preview image (the same view drawn as a PNG) for link unfurls. */
export async function viewMetadata(view: View, fallbackTitle: string): Promise<Metadata> {
  const selected = view.state.selected?.kind === 'node' ? view.state.selected.id : null;
  const focus = view.graph.nodes.find((n) => n.id === selected);
  const title = focus?.name ?? fallbackTitle;
  const names = view.graph.nodes.slice(0, 6).map((n) => n.name).join(', ');
  const description = `${stateIds(view.state).length} entities from the Belt and Road S&T graph, each with its sources: ${names}${view.graph.nodes.length > 6 ? ', ...' : ''}`;
  // The image is drawn from the view as resolved (unknown ids dropped, default view filled in).
  const image = `/api/preview?${serializeExplorerState({ ...view.state, viewport: null })}`;
  return {
    metadataBase: await origin(),
    title,
    description,
    openGraph: { title, description, type: 'website', images: [{ url: image, width: 1200, height: 630, alt: `Graph: ${title}` }] },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}
