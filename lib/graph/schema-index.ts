import { DB_INDEX, q, SOURCE_LABEL, type GraphSchema } from './schema-model';

/**
 * The full-text indexes `npm run db:index` creates on a database the project did not seed: every
 * label's caption property, once with a folding analyzer (Latin, Cyrillic: case and accents) and
 * once with the CJK analyzer (Chinese has no spaces between words). Search (search.ts) uses them as
 * it uses the seed's own.
 */

export interface IndexPlan {
  labels: string[];
  properties: string[];
  statements: string[];
}

/** The CREATE statements for this schema; null when no label has a caption to index. */
export function searchIndexPlan(schema: GraphSchema): IndexPlan | null {
  const labels = schema.labels.filter((l) => l.caption !== null && l.count > 0 && !(schema.provenance && l.label === SOURCE_LABEL));
  if (labels.length === 0) return null;
  const names = labels.map((l) => l.label).sort();
  const properties = [...new Set(labels.map((l) => l.caption!))].sort();
  const create = (name: string, analyzer: string) => `CREATE FULLTEXT INDEX ${q(name)} IF NOT EXISTS
    FOR (n:${names.map(q).join('|')}) ON EACH [${properties.map((p) => `n.${q(p)}`).join(', ')}]
    OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}'}}`;
  return { labels: names, properties, statements: [create(DB_INDEX.text, 'standard-folding'), create(DB_INDEX.chinese, 'cjk')] };
}
