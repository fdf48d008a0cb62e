import { z } from 'zod';
import { CLAIM_RANKS } from '../lib/graph/claims';

/**
 * The seed file format. Every data file in graph-seed/data/ is one JSON object that may hold
 * `sources`, `nodes` and `relationships`; the loader reads them all and checks them together.
 */

const ENTITY_ID = /^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Entity types become Neo4j labels, so they are restricted to PascalCase words. */
export const ENTITY_TYPE = /^[A-Z][A-Za-z]{1,39}$/;
/** Relationship types become Neo4j relationship types: UPPER_SNAKE_CASE. */
export const RELATIONSHIP_TYPE = /^[A-Z][A-Z0-9_]{1,59}$/;
const SOURCE_ID = /^src:[a-z0-9][a-z0-9._-]*$/;

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);

/**
 * Dates in properties. Every temporal property has one kind, whatever record it is on:
 * - a date property holds an ISO 8601 calendar date, YYYY-MM-DD, or YYYY-MM when the source gives only the month
 *   (or a list of such dates);
 * - a year property holds an integer year.
 * No free text in either: "unknown (...)" or "2019-06-11 (unverified)" belongs in a note, the date (if any) in
 * its own property. A property whose name reads as a date or year (see TEMPORAL_NAME) must be declared here.
 */
export const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'date', 'startDate', 'endDate', 'since', 'until', 'born', 'announced', 'approved', 'asOf', 'exited', 'exitedBri',
  'founded', 'joinedBriDate', 'gfdcMouDate', 'launched', 'municipalitySince', 'opened', 'published', 'reported',
  'restructured', 'signed', 'statedOn', 'firstPutForward', 'releasedOn', 'sourcedDates', 'unveiled', 'claimedApproval',
  'joinedDate', 'joinedBriOtherDates', 'joinedOtherDates', 'nameplateUnveiled', 'briDocumentDate', 'documentDate',
]);
export const YEAR_PROPERTIES: ReadonlySet<string> = new Set([
  'year', 'joined', 'joinedBri', 'plannedYear', 'proposedYear', 'approvedYear', 'signedYear', 'foundedYear', 'samarkandBaseUnveiledYear',
]);
/** Names that read as a date or a year: they must be one of the declared properties above. */
const TEMPORAL_NAME = /(^date|Date|^year|Year|^since|Since|^until|Until|On)$/;
const ISO_CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
/** A value that starts like a date but goes on with text, such as "2023-11-06 (opening)". */
const DATE_WITH_TEXT = /^\d{4}-\d{2}(-\d{2})?\b.+/s;
const MIN_YEAR = 1000;
const MAX_YEAR = 2100;

type PropertyValue = string | number | boolean | string[];

/** The problems of one property value under the date rules; empty when it is fine. */
function temporalProblems(name: string, value: PropertyValue): string[] {
  const show = JSON.stringify(value);
  if (DATE_PROPERTIES.has(name)) {
    const values = Array.isArray(value) ? value : [value];
    const bad = values.filter((v) => typeof v !== 'string' || !ISO_CALENDAR_DATE.test(v));
    if (bad.length === 0) return [];
    return [`${name} is a date property: expected an ISO date YYYY-MM-DD or YYYY-MM (a year alone goes in an integer year `
      + `property), got ${show}; put remarks such as "unknown" or "unverified" in a note`];
  }
  if (YEAR_PROPERTIES.has(name)) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return [];
    return [`${name} is a year property: expected an integer year such as 2023, got ${show}`];
  }
  if (TEMPORAL_NAME.test(name)) {
    return [`${name} reads as a date or year: declare it in DATE_PROPERTIES or YEAR_PROPERTIES (graph-seed/schema.ts) or rename it`];
  }
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (strings.some((v) => /^\d{4}$/.test(v) || ISO_CALENDAR_DATE.test(v))) {
    return [`${name} holds a date or year as text (${show}): declare it in DATE_PROPERTIES or YEAR_PROPERTIES (graph-seed/schema.ts)`];
  }
  if (strings.some((v) => DATE_WITH_TEXT.test(v))) {
    return [`${name} mixes a date with free text (${show}): put the date in a date property and the remark in a note`];
  }
  return [];
}

/**
 * Properties the loader computes from the sources (the evidence grade, the claims with theirs):
 * never typed in the data, so nobody can rate their own fact.
 */
export const COMPUTED_PROPERTIES: ReadonlySet<string> = new Set(['evidence', 'evidenceIndependent', 'claimsJson']);

const propertyName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'property names are camelCase');
const propertyValue = z.union([scalar, z.array(z.string())]);

/** Properties are flat: scalars or lists of strings, which Neo4j stores natively; dates follow temporalProblems. */
const properties = z.record(propertyName, propertyValue)
  .superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
      if (COMPUTED_PROPERTIES.has(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} is computed from the sources when the data is loaded: remove it` });
      }
      for (const message of temporalProblems(name, value)) ctx.addIssue({ code: 'custom', path: [name], message });
    }
  })
  .default({});
const sourceRefs = z.array(z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31'))
  .min(1, 'every fact needs at least one source');

export const RELIABILITY = ['official', 'media', 'copy', 'low'] as const;

const sourceSchema = z.object({
  id: z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31'),
  publisher: text,
  title: text,
  date: isoDate.nullable(),
  url: z.url(),
  /** Where the text was actually read when the original was not reachable (a mirror or copy). */
  seenAt: z.url().optional(),
  reliability: z.enum(RELIABILITY),
  note: text.optional(),
  /** The source this one reposts or translates: the two count as one publisher when grading evidence. */
  copyOf: z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31').optional(),
}).strict();

/**
 * One competing value of a property, with its own sources. When sources disagree, every value is
 * kept as a claim; the preferred one is the value in `properties`, and `why` says why it was chosen
 * (or why another is deprecated).
 */
export const claimSchema = z.object({
  property: propertyName,
  value: propertyValue,
  sources: z.array(z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31')).min(1, 'every claim needs at least one source'),
  rank: z.enum(CLAIM_RANKS),
  why: text.optional(),
}).strict().superRefine((claim, ctx) => {
  for (const message of temporalProblems(claim.property, claim.value)) ctx.addIssue({ code: 'custom', path: ['value'], message });
});
const claims = z.array(claimSchema).optional();

const names = z.object({ en: text, ru: text.optional(), zh: text.optional() }).strict();
const aliases = z.object({
  en: z.array(text).optional(), ru: z.array(text).optional(), zh: z.array(text).optional(),
}).strict().default({});

/**
 * Names. The primary name in each language is the full name; abbreviations are aliases. Two shapes give an
 * abbreviation away: an all-capital acronym (ОАЭ, ЮАР, UAE), and a Chinese short form whose characters are a
 * scattered subset, in order, of a longer alias (印尼 of 印度尼西亚, 波黑 of 波斯尼亚和黑塞哥维那).
 */
const ACRONYM = /^[\p{Lu}\p{N}&.\-]{2,8}$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** True when short's characters appear in long in order but not as one run (印尼 in 印度尼西亚, not 重庆 in 重庆市). */
function isScatteredSubsequence(short: string, long: string): boolean {
  const a = [...short];
  const b = [...long];
  if (a.length >= b.length || long.includes(short)) return false;
  let i = 0;
  for (const ch of b) if (ch === a[i]) i += 1;
  return i === a.length;
}

/** The problems of a node's names under the name rules; empty when they are fine. */
function nameProblems(node: { names: Record<string, string | undefined>; aliases: Record<string, string[] | undefined> }): string[] {
  const problems: string[] = [];
  for (const [lang, name] of Object.entries(node.names)) {
    if (!name) continue;
    const aliases = node.aliases[lang] ?? [];
    if (ACRONYM.test(name) && /\p{Lu}.*\p{Lu}/u.test(name)) {
      problems.push(`names.${lang} "${name}" is an abbreviation: give the full name and keep "${name}" as an alias`);
      continue;
    }
    const longer = HAN_ONLY.test(name) ? aliases.find((alias) => isScatteredSubsequence(name, alias)) : undefined;
    if (longer) problems.push(`names.${lang} "${name}" abbreviates its alias "${longer}": make "${longer}" the name and "${name}" an alias`);
  }
  return problems;
}

const nodeSchema = z.object({
  id: z.string().regex(ENTITY_ID, 'expected a readable id such as country:KAZ or person:yin-hejun'),
  type: z.string().regex(ENTITY_TYPE, 'expected a PascalCase type such as Event or Country'),
  names,
  aliases,
  description: text,
  properties,
  sources: sourceRefs,
  claims,
}).strict().superRefine((node, ctx) => {
  for (const message of nameProblems(node)) ctx.addIssue({ code: 'custom', path: ['names'], message });
});

const relationshipSchema = z.object({
  from: z.string().regex(ENTITY_ID),
  type: z.string().regex(RELATIONSHIP_TYPE, 'expected an UPPER_SNAKE_CASE type such as HELD_IN'),
  to: z.string().regex(ENTITY_ID),
  properties,
  sources: sourceRefs,
  claims,
}).strict();

export const seedFileSchema = z.object({
  $comment: z.string().optional(),
  sources: z.array(sourceSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
}).strict();

export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedClaim = z.infer<typeof claimSchema>;
export type SeedNode = z.infer<typeof nodeSchema>;
export type SeedRelationship = z.infer<typeof relationshipSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
