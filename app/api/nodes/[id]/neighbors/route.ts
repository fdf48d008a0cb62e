import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { getNeighbors } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, notFound, toErrorResponse } from '@/lib/http/error-response';
import { entityId, neighborParams, queryObject } from '@/lib/http/params';

/** One hop around an entity, a page at a time, with the total and counts by type. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const id = entityId.safeParse((await context.params).id);
  if (!id.success) return badRequest(id.error);
  const parsed = neighborParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const { limit, offset, type, entityType } = parsed.data;
  try {
    const key = ['neighbors', id.data, limit, offset, type ?? '', entityType ?? ''].join('\u0000');
    const cached = await cachedRead(key, () => getNeighbors(id.data, { limit, offset, relType: type, entityType }));
    return cached.value ? jsonResponse(request, cached) : notFound(`No entity has the id "${id.data}".`);
  } catch (error) {
    return toErrorResponse(error);
  }
}
