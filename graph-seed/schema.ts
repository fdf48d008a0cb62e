import { z } from 'zod';

/**
 * The seed file format. Every data file in graph-seed/data/ is one JSON object that may hold
 * `sources`, `nodes` and `relationships`; the loader reads them all and checks them together.
 */

export const ENTITY_ID = /^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Entity types become Neo4j labels, so they are restricted to PascalCase words. */
export const ENTITY_TYPE = /^[A-Z][A-Za-z]{1,39}$/;
/** Relationship types become Neo4j relationship types: UPPER_SNAKE_CASE. */
export const RELATIONSHIP_TYPE = /^[A-Z][A-Z0-9_]{1,59}$/;
export const SOURCE_ID = /^src:[a-z0-9][a-z0-9._-]*$/;

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);
/** Properties are flat: scalars or lists of strings, which Neo4j stores natively. */
const properties = z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'property names are camelCase'),
  z.union([scalar, z.array(z.string())])).default({});
const sourceRefs = z.array(z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31'))
  .min(1, 'every fact needs at least one source');

export const RELIABILITY = ['official', 'media', 'copy', 'low'] as const;

export const sourceSchema = z.object({
  id: z.string().regex(SOURCE_ID, 'expected a source id such as src:xinhua-2023-10-31'),
  publisher: text,
  title: text,
  date: isoDate.nullable(),
  url: z.url(),
  /** Where the text was actually read when the original was not reachable (a mirror or copy). */
  seenAt: z.url().optional(),
  reliability: z.enum(RELIABILITY),
  note: text.optional(),
}).strict();

const names = z.object({ en: text, ru: text.optional(), zh: text.optional() }).strict();
const aliases = z.object({
  en: z.array(text).optional(), ru: z.array(text).optional(), zh: z.array(text).optional(),
}).strict().default({});

export const nodeSchema = z.object({
  id: z.string().regex(ENTITY_ID, 'expected a readable id such as country:KAZ or person:yin-hejun'),
  type: z.string().regex(ENTITY_TYPE, 'expected a PascalCase type such as Event or Country'),
  names,
  aliases,
  description: text,
  properties,
  sources: sourceRefs,
}).strict();

export const relationshipSchema = z.object({
  from: z.string().regex(ENTITY_ID),
  type: z.string().regex(RELATIONSHIP_TYPE, 'expected an UPPER_SNAKE_CASE type such as HELD_IN'),
  to: z.string().regex(ENTITY_ID),
  properties,
  sources: sourceRefs,
}).strict();

export const seedFileSchema = z.object({
  $comment: z.string().optional(),
  sources: z.array(sourceSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
}).strict();

export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedNode = z.infer<typeof nodeSchema>;
export type SeedRelationship = z.infer<typeof relationshipSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
