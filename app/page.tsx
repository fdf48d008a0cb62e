import type { Metadata } from 'next';
import { Explorer } from '@/components/explorer/explorer';
import { GraphPreview } from '@/components/graph/graph-preview';
import { pageLocale } from '@/lib/i18n/server';
import { pageView, queryText, viewMetadata } from '@/lib/db/page-view';
import { previewOptions } from '@/lib/db/view';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = queryText(await searchParams);
  return viewMetadata(await pageView(query), await pageLocale());
}

/** The explorer. The URL says what to show; the server loads and lays it out for the first paint. */
export default async function HomePage({ searchParams }: Props) {
  const view = await pageView(queryText(await searchParams));
  const locale = await pageLocale();
  return (
    <Explorer init={{ ...view, state: { ...view.state, lang: locale } }}
      preview={<GraphPreview graph={view.graph} positions={view.positions} options={previewOptions(view)} locale={locale} />} />
  );
}
