import { z } from 'zod';
import { MAX_NEIGHBOR_PAGE, MAX_PATH_HOPS } from '../graph/limits';
import { MAX_SEARCH_LENGTH } from '../graph/search-query';
import { AVOID_HUBS, DEFAULT_PATH_COUNT, DEFAULT_PATH_HOPS, MAX_PATH_COUNT } from '../graph/paths';
import { isLocale } from '../i18n/locales';
import { parseYearRange } from '../analysis/visibility';
import { typeNameProblem } from '../graph/type-name';
import { MAX_VIEW_ENTITIES } from '../url-state';

/** Query-string schemas for the API. Everything from the outside world passes one of these. */

/**
 * An entity id: any printable text, bounded. Seeded ids look like `country:KAZ`; another graph's may be
 * `Person:Keanu Reeves` or a Neo4j element id. Spaces are part of an id (never trimmed); only control
 * characters are refused.
 */
export const entityId = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters')
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/** A label or relationship type as the database names it (any script, spaces included): lib/graph/type-name.ts. */
const typeName = z.string().superRefine((text, ctx) => {
  const problem = typeNameProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: `a type name ${problem}` });
});

const intParam = (name: string, min: number, max: number, fallback: number) =>
  z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an integer from ${min} to ${max}` });
      return z.NEVER;
    }
    return value;
  });

const MAX_SUBGRAPH_IDS = 500;

export const searchParams = z.object({
  q: z.string({ error: 'q is required' }).max(MAX_SEARCH_LENGTH, `q is longer than ${MAX_SEARCH_LENGTH} characters`),
  limit: intParam('limit', 1, 50, 10),
});

export const neighborParams = z.object({
  limit: intParam('limit', 1, MAX_NEIGHBOR_PAGE, 25),
  offset: intParam('offset', 0, 1_000_000, 0),
  type: typeName.optional(),
  entityType: typeName.optional(),
});

export const subgraphParams = z.object({
  ids: z.string({ error: 'ids is required (comma-separated entity ids)' })
    .transform((raw) => raw.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(entityId).min(1, 'ids must name at least one entity').max(MAX_SUBGRAPH_IDS, `ids may name at most ${MAX_SUBGRAPH_IDS} entities`)),
});

/** A big view's ids, posted as JSON (they do not fit in a URL). */
const MAX_SUBGRAPH_POST_IDS = 5_000;
export const subgraphBody = z.object({
  ids: z.array(entityId, { error: 'ids must be a list of entity ids' }).min(1, 'ids must name at least one entity')
    .max(MAX_SUBGRAPH_POST_IDS, `ids may name at most ${MAX_SUBGRAPH_POST_IDS} entities`),
}, { error: 'the body must be JSON: {"ids": ["..."]}' });

/** The entities of a view whose records an export needs: `{"ids": [...]}`, at most a view's worth. */
export const entitiesBody = z.object({
  ids: z.array(entityId, { error: 'ids must be a list of entity ids' }).min(1, 'ids must name at least one entity')
    .max(MAX_VIEW_ENTITIES, `ids may name at most ${MAX_VIEW_ENTITIES} entities (a view's limit)`),
}, { error: 'the body must be JSON: {"ids": ["..."]}' });

const commaList = (raw: string | undefined) => [...new Set((raw ?? '').split(',').map((x) => x.trim()).filter(Boolean))];

/**
 * Ranked paths: `k` paths at most, relationship `types` allowed, ids or entity types to `avoid`
 * (`hubs`: entities with many relationships), years `t` with `undated`, and the `lang` of the readings.
 */
export const pathParams = z.object({
  from: entityId,
  to: entityId,
  maxHops: intParam('maxHops', 1, MAX_PATH_HOPS, DEFAULT_PATH_HOPS),
  k: intParam('k', 1, MAX_PATH_COUNT, DEFAULT_PATH_COUNT),
  types: z.string().optional().transform(commaList)
    .pipe(z.array(typeName).max(50, 'types may name at most 50 relationship types')),
  avoid: z.string().optional().transform(commaList)
    .pipe(z.array(entityId).max(50, 'avoid may name at most 50 entities or types')),
  t: z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return null;
    const range = parseYearRange(raw);
    if (!range) ctx.addIssue({ code: 'custom', message: 't must be a year or a range of years such as 2013-2016' });
    return range ?? z.NEVER;
  }),
  undated: z.enum(['show', 'hide'], { error: 'undated must be show or hide' }).optional().default('show'),
  lang: z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw === '') return 'en' as const;
    if (!isLocale(raw)) ctx.addIssue({ code: 'custom', message: 'lang must be en, ru or zh' });
    return isLocale(raw) ? raw : z.NEVER;
  }),
}).transform(({ avoid, t, ...rest }) => ({ ...rest, time: t, avoid: avoid.filter((a) => a !== AVOID_HUBS), avoidHubs: avoid.includes(AVOID_HUBS) }));

/** URLSearchParams -> plain object (the last value wins for repeated keys). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
