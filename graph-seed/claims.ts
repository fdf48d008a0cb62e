import type { SeedClaim, SeedNode, SeedRelationship, SeedSource } from './schema';

/**
 * Rules for claims (competing values of one property, each with its sources) and for copies of
 * sources. Problems are plain messages; readSeedDir attaches the file and the record.
 */

type PropertyValue = SeedNode['properties'][string];

const sameValue = (a: PropertyValue | undefined, b: PropertyValue) => JSON.stringify(a) === JSON.stringify(b);

/** A record's claims against its properties and the dataset's sources; empty when they agree. */
export function claimProblems(record: Pick<SeedNode | SeedRelationship, 'properties' | 'claims'>, sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const byProperty = new Map<string, SeedClaim[]>();
  for (const claim of record.claims ?? []) byProperty.set(claim.property, [...(byProperty.get(claim.property) ?? []), claim]);
  for (const [property, claims] of byProperty) {
    for (const claim of claims) {
      for (const ref of claim.sources) if (!sourceIds.has(ref)) problems.push(`claims on ${property}: unknown source ${ref}`);
    }
    const preferred = claims.filter((c) => c.rank === 'preferred');
    if (preferred.length !== 1) {
      problems.push(`claims on ${property}: expected exactly one preferred claim, found ${preferred.length}`);
      continue;
    }
    const value = record.properties[property];
    if (!sameValue(value, preferred[0]!.value)) {
      problems.push(`properties.${property} is ${JSON.stringify(value) ?? 'missing'} but the preferred claim says ${JSON.stringify(preferred[0]!.value)}: they must be equal`);
    }
    const values = claims.map((c) => JSON.stringify(c.value));
    if (new Set(values).size !== values.length) problems.push(`claims on ${property}: the same value is claimed twice; merge their sources into one claim`);
  }
  return problems;
}

/** `copyOf` must name another known source, and copies must not go round in a circle. */
export function copyOfProblems(sources: readonly SeedSource[]): { id: string; problem: string }[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const problems: { id: string; problem: string }[] = [];
  for (const source of sources) {
    if (!source.copyOf) continue;
    if (source.copyOf === source.id) problems.push({ id: source.id, problem: 'copyOf names the source itself' });
    else if (!byId.has(source.copyOf)) problems.push({ id: source.id, problem: `copyOf names an unknown source ${source.copyOf}` });
    else {
      const seen = new Set([source.id]);
      for (let next = byId.get(source.copyOf); next?.copyOf; next = byId.get(next.copyOf)) {
        if (seen.has(next.id)) {
          problems.push({ id: source.id, problem: 'copyOf goes round in a circle' });
          break;
        }
        seen.add(next.id);
      }
    }
  }
  return problems;
}
