import neo4j, { type Driver } from 'neo4j-driver';
import { EVIDENCE_GRADES, type EvidenceGrade } from '../graph/evidence';

/**
 * How strong the loaded facts are, counted in the database (read-only): the grade distribution per
 * entity type and per relationship type, as the seed loader computed the grades. Used by
 * `npm run db:evidence`; takes a plain driver so it runs outside the app.
 */

// The seed's entities and their relationships carry a computed `evidence`; other graphs have none.
const ENTITY_GRADES = `MATCH (n:Entity) WHERE n.evidence IS NOT NULL
  RETURN n.type AS type, n.evidence AS grade, count(*) AS count`;
const RELATIONSHIP_GRADES = `MATCH (:Entity)-[r]->(:Entity) WHERE r.evidence IS NOT NULL
  RETURN type(r) AS type, r.evidence AS grade, count(*) AS count`;

export type GradeCounts = Record<EvidenceGrade, number>;
export interface EvidenceStats {
  entities: Map<string, GradeCounts>;
  relationships: Map<string, GradeCounts>;
}

const empty = (): GradeCounts => Object.fromEntries(EVIDENCE_GRADES.map((g) => [g, 0])) as GradeCounts;

async function countBy(driver: Driver, database: string, query: string): Promise<Map<string, GradeCounts>> {
  const { records } = await driver.executeQuery(query, {}, { database, routing: neo4j.routing.READ });
  const out = new Map<string, GradeCounts>();
  for (const record of records) {
    const type = String(record.get('type'));
    const grade = record.get('grade') as EvidenceGrade;
    const counts = out.get(type) ?? empty();
    if (grade in counts) counts[grade] += Number(record.get('count'));
    out.set(type, counts);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Grade counts per entity type and per relationship type. */
export async function evidenceStats(driver: Driver, database: string): Promise<EvidenceStats> {
  const [entities, relationships] = await Promise.all([countBy(driver, database, ENTITY_GRADES), countBy(driver, database, RELATIONSHIP_GRADES)]);
  return { entities, relationships };
}

/** A Markdown table of grade counts, one row per type plus a total. */
export function gradeTable(title: string, rows: Map<string, GradeCounts>): string {
  const total = empty();
  const line = (name: string, c: GradeCounts) => {
    const sum = EVIDENCE_GRADES.reduce((s, g) => s + c[g], 0);
    const weak = sum === 0 ? 0 : Math.round((100 * (c.weak + c.none)) / sum);
    return `| ${name} | ${EVIDENCE_GRADES.map((g) => c[g]).join(' | ')} | ${sum} | ${weak} % |`;
  };
  const body = [...rows].map(([type, c]) => {
    for (const g of EVIDENCE_GRADES) total[g] += c[g];
    return line(type, c);
  });
  return [`| ${title} | ${EVIDENCE_GRADES.join(' | ')} | total | weak or none |`, `| --- | ${EVIDENCE_GRADES.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...body, line('**all**', total)].join('\n');
}
