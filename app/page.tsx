import type { Metadata } from 'next';
import { Explorer } from '@/components/explorer/explorer';
import { GraphPreview } from '@/components/graph/graph-preview';
import { pageLocale } from '@/lib/i18n/server';
import { pageView, storyPage, viewMetadata } from '@/lib/db/page-view';
import { DEFAULT_ENTITY, previewOptions } from '@/lib/db/view';
import { stateIds } from '@/lib/url-state';
import { FIRST_STORY } from '@/lib/stories';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const locale = await pageLocale();
  const { query, story } = storyPage(await searchParams, locale);
  return viewMetadata(await pageView(query), locale, undefined, story);
}

/**
 * The explorer. The URL says what to show; the server loads and lays it out for the first paint.
 * A story link (`story=`, `step=`) shows the step's view when the link names none of its own.
 */
export default async function HomePage({ searchParams }: Props) {
  const locale = await pageLocale();
  const { query, story, notes, hasView } = storyPage(await searchParams, locale);
  const view = await pageView(query);
  return (
    <Explorer init={{ ...view, notes: [...notes, ...view.notes], state: { ...view.state, lang: locale } }}
      // A newcomer to the seed's starting view is offered its story (another graph has no such story).
      story={story} offerStory={!story && !hasView && stateIds(view.state).includes(DEFAULT_ENTITY) ? FIRST_STORY : null}
      preview={<GraphPreview graph={view.graph} positions={view.positions} options={previewOptions(view)} locale={locale} />} />
  );
}
