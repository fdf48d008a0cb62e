import { isEvidenceGrade, type EvidenceGrade } from './evidence';
import type { PropertyValue } from './types';

/**
 * Competing values of a property, as the loader stores them (a JSON text property, `claimsJson`,
 * since Neo4j properties hold no maps) and as the API hands them out. Pure.
 */

export const CLAIM_RANKS = ['preferred', 'normal', 'deprecated'] as const;
export type ClaimRank = (typeof CLAIM_RANKS)[number];

export interface Claim {
  property: string;
  value: PropertyValue;
  rank: ClaimRank;
  /** Why this value is the one used, or why it is deprecated. */
  why?: string;
  sources: string[];
  /** Computed at load from the claim's own sources. */
  evidence: EvidenceGrade;
  /** Independent reputable publishers behind it. */
  independent: number;
  /** Who published its sources, each once. */
  publishers: string[];
}

/** The node or relationship property that holds the claims. */
export const CLAIMS_PROPERTY = 'claimsJson';

const isValue = (v: unknown): v is PropertyValue => ['string', 'number', 'boolean'].includes(typeof v)
  || (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)));

/** Reads a stored claims text; whatever is malformed is left out (another graph may have such a property). */
export function parseClaims(text: unknown): Claim[] {
  if (typeof text !== 'string') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): Claim[] => {
    if (item === null || typeof item !== 'object') return [];
    const c = item as Record<string, unknown>;
    if (typeof c.property !== 'string' || !isValue(c.value) || !(CLAIM_RANKS as readonly unknown[]).includes(c.rank) || !isEvidenceGrade(c.evidence)) return [];
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return [{
      property: c.property, value: c.value, rank: c.rank as ClaimRank,
      ...(typeof c.why === 'string' ? { why: c.why } : {}),
      sources: strings(c.sources), evidence: c.evidence, independent: typeof c.independent === 'number' ? c.independent : 0,
      publishers: strings(c.publishers),
    }];
  });
}

export interface ClaimSummary {
  property: string;
  preferred: Claim;
  /** Other values, still standing (normal) or set aside (deprecated). */
  others: Claim[];
}

/** Claims grouped by property, the preferred value first; properties without a preferred claim are left out. */
export function summariseClaims(claims: Claim[]): ClaimSummary[] {
  const byProperty = new Map<string, Claim[]>();
  for (const claim of claims) byProperty.set(claim.property, [...(byProperty.get(claim.property) ?? []), claim]);
  return [...byProperty].flatMap(([property, list]) => {
    const preferred = list.find((c) => c.rank === 'preferred');
    return preferred ? [{ property, preferred, others: list.filter((c) => c !== preferred) }] : [];
  }).sort((a, b) => a.property.localeCompare(b.property));
}
