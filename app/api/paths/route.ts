import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { getShortestPath } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, notFound, toErrorResponse } from '@/lib/http/error-response';
import { pathParams, queryObject } from '@/lib/http/params';

/** A shortest path between two entities, in any direction, within maxHops relationships. */
export async function GET(request: NextRequest) {
  const parsed = pathParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const { from, to, maxHops } = parsed.data;
  try {
    const cached = await cachedRead(['paths', from, to, maxHops].join('\u0000'), () => getShortestPath(from, to, maxHops),
      (outcome) => JSON.stringify(outcome.kind === 'ok' ? outcome.result : null));
    const outcome = cached.value;
    if (outcome.kind === 'unknown') return notFound(`Unknown entity id: ${outcome.missing.join(', ')}.`, { missing: outcome.missing });
    return jsonResponse(request, cached);
  } catch (error) {
    return toErrorResponse(error);
  }
}
