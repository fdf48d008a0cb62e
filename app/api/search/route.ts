import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { search } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { queryObject, searchParams } from '@/lib/http/params';

/** Ranked entities for as-you-type search; `mode` and `note` say how this database could be searched. */
export async function GET(request: NextRequest) {
  const parsed = searchParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const { q, limit } = parsed.data;
  try {
    const cached = await cachedRead(`search\u0000${limit}\u0000${q}`, async () => ({ query: q, ...(await search(q, limit)) }));
    return jsonResponse(request, cached);
  } catch (error) {
    return toErrorResponse(error);
  }
}
