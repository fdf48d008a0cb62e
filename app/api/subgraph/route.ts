import type { NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { getSubgraph } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { queryObject, subgraphBody, subgraphParams } from '@/lib/http/params';

/** The given entities and the relationships among them; unknown ids are listed in `missing`. */
export async function GET(request: NextRequest) {
  const parsed = subgraphParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const ids = parsed.data.ids;
    return jsonResponse(request, await cachedRead(`subgraph\u0000${ids.join('\u0000')}`, () => getSubgraph(ids)));
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** The same for a big view, whose ids do not fit in a URL: `{"ids": [...]}`, a read like the GET. */
export async function POST(request: NextRequest) {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = subgraphBody.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const ids = parsed.data.ids;
    return jsonResponse(request, await cachedRead(`subgraph\u0000${ids.join('\u0000')}`, () => getSubgraph(ids)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
