import { previewSvg, type PreviewOptions } from '@/lib/draw/preview-svg';
import type { Subgraph } from '@/lib/graph/types';
import type { Locale } from '@/lib/i18n/locales';
import { labellerFor, translatorFor } from '@/lib/i18n/translate';
import type { Positions } from '@/lib/layout/compute-layout';

/** The server-drawn picture of the view, shown until the interactive canvas has loaded (server component). */
export function GraphPreview({ graph, positions, options, locale }: { graph: Subgraph; positions: Positions; options?: PreviewOptions; locale: Locale }) {
  const t = translatorFor(locale, 'explorer');
  return (
    <div className="graph-preview" role="img" aria-label={t('preview', { count: graph.nodes.filter((n) => !n.group).length })}
      dangerouslySetInnerHTML={{ __html: previewSvg(graph, positions, { ...options, names: labellerFor(locale) }) }} />
  );
}
