import { NextResponse, type NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { findPaths } from '@/lib/db/paths';
import { jsonResponse } from '@/lib/http/cache-headers';
import { NO_STORE } from '@/lib/http/cache-rules';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { pathParams, queryObject } from '@/lib/http/params';

/**
 * Up to k ranked paths between two entities: `{ paths: [...] }`, shortest first (lib/graph/paths.ts),
 * each with its relationships, their sources and a one-sentence reading in `lang`. No path: 200
 * with `paths: []` and a reason. Unknown ids or relationship types: 400 naming them.
 */
export async function GET(request: NextRequest) {
  const parsed = pathParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const { from, to, lang, ...options } = parsed.data;
  try {
    const key = ['paths', from, to, lang, JSON.stringify(options)].join('\u0000');
    const cached = await cachedRead(key, () => findPaths(from, to, options, lang),
      (outcome) => JSON.stringify(outcome.kind === 'ok' ? outcome.result : null));
    const outcome = cached.value;
    if (outcome.kind === 'invalid') {
      const { kind: _kind, ...body } = outcome;
      return NextResponse.json(body, { status: 400, headers: { 'Cache-Control': NO_STORE } });
    }
    return jsonResponse(request, cached);
  } catch (error) {
    return toErrorResponse(error);
  }
}
