import { Explorer } from '@/components/explorer/explorer';
import { GraphPreview } from '@/components/graph/graph-preview';
import { loadView } from '@/lib/graph/view';

export const dynamic = 'force-dynamic';

/** The explorer. The URL says what to show; the server loads and lays it out for the first paint. */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = await loadView(await searchParams);
  return (
    <Explorer
      init={view}
      preview={<GraphPreview graph={view.graph} positions={view.positions} />}
    />
  );
}
