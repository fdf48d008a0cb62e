import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { GraphPreview } from '@/components/graph/graph-preview';
import { labellerFor } from '@/lib/i18n/translate';
import { pageLocale, translator } from '@/lib/i18n/server';
import { getNode } from '@/lib/db/queries';
import { DataError } from '@/lib/db/errors';
import { pageView, queryText, viewMetadata } from '@/lib/db/page-view';
import { previewOptions } from '@/lib/db/view';
import { entityId } from '@/lib/http/params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One lookup per request, shared by generateMetadata and the page. */
const lookup = cache(async (id: string) => {
  try {
    return { id, node: await getNode(id), unavailable: false };
  } catch (error) {
    // The database being down is not "not found": the page still opens, with its banner.
    if (error instanceof DataError && error.code !== 'database_error') return { id, node: null, unavailable: true };
    throw error;
  }
});

/** The id as the URL names it; malformed percent-encoding (`/node/abc%`) names nothing: 404, not 500. */
function decodedId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

async function entity(params: Props['params']) {
  const raw = decodedId((await params).id);
  if (raw === null) notFound();
  const id = entityId.safeParse(raw);
  if (!id.success) notFound();
  return lookup(id.data);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id, node, unavailable } = await entity(params);
  const locale = await pageLocale();
  if (!node) return { title: unavailable ? id : translator(locale, 'share')('notFound') };
  const query = queryText(await searchParams);
  const metadata = await viewMetadata(await pageView(query, id), locale, node);
  // The description is the data's, in English: other languages keep the view's own (translated) summary.
  const description = (locale === 'en' ? node.description : null) ?? metadata.description ?? undefined;
  const title = labellerFor(locale).caption(node).text;
  return { ...metadata, title, description, openGraph: { ...metadata.openGraph, title, description } };
}

/** An entity's own page: the explorer opened on it, with a title and description for sharing. */
export default async function NodePage({ params, searchParams }: Props) {
  const { id, node, unavailable } = await entity(params);
  if (!node && !unavailable) notFound();
  const view = await pageView(queryText(await searchParams), id);
  const locale = await pageLocale();
  return (
    <Explorer init={{ ...view, state: { ...view.state, lang: locale } }}
      preview={<GraphPreview graph={view.graph} positions={view.positions} options={previewOptions(view)} locale={locale} />} />
  );
}
