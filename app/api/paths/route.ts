import { type NextRequest, NextResponse } from 'next/server';
import { getShortestPath } from '@/lib/graph/queries';
import { badRequest, notFound, toErrorResponse } from '@/lib/http/error-response';
import { pathParams, queryObject } from '@/lib/http/params';

/** A shortest path between two entities, in any direction, within maxHops relationships. */
export async function GET(request: NextRequest) {
  const parsed = pathParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const outcome = await getShortestPath(parsed.data.from, parsed.data.to, parsed.data.maxHops);
    if (outcome.kind === 'unknown') return notFound(`Unknown entity id: ${outcome.missing.join(', ')}.`, { missing: outcome.missing });
    return NextResponse.json(outcome.result);
  } catch (error) {
    return toErrorResponse(error);
  }
}
