import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { getNode } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, notFound, toErrorResponse } from '@/lib/http/error-response';
import { entityId } from '@/lib/http/params';

/** One entity with its names, properties, degree by relationship type and sources. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const parsed = entityId.safeParse((await context.params).id);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const cached = await cachedRead(`node\u0000${parsed.data}`, () => getNode(parsed.data));
    return cached.value ? jsonResponse(request, cached) : notFound(`No entity has the id "${parsed.data}".`);
  } catch (error) {
    return toErrorResponse(error);
  }
}
