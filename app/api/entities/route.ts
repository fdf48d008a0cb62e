import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/cache/read-cache';
import { getEntities } from '@/lib/graph/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { entitiesBody } from '@/lib/http/params';

/**
 * Names, properties and sources of a view's entities in one read (what an export needs and the
 * canvas does not carry): `{"ids": [...]}`, up to a view's limit; unknown ids are listed in `missing`.
 */
export async function POST(request: NextRequest) {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = entitiesBody.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const ids = [...new Set(parsed.data.ids)].sort();
    return jsonResponse(request, await cachedRead(`entities\u0000${ids.join('\u0000')}`, () => getEntities(ids)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
