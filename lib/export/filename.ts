export const EXPORT_FORMATS = ['png', 'svg', 'json', 'csv', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format downloads as: the CSV tables come zipped. */
export const EXTENSIONS: Record<ExportFormat, string> = { png: 'png', svg: 'svg', json: 'json', csv: 'zip', gexf: 'gexf', graphml: 'graphml' };
export const MIME_TYPES: Record<ExportFormat, string> = {
  png: 'image/png', svg: 'image/svg+xml', json: 'application/json', csv: 'application/zip', gexf: 'application/gexf+xml', graphml: 'application/graphml+xml',
};

/** `belt-road-graph-2026-11-20.png`, dated in the user's own time zone. */
export function exportFilename(format: ExportFormat, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `belt-road-graph-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${EXTENSIONS[format]}`;
}
