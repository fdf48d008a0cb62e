import { NextResponse, type NextRequest } from 'next/server';
import { cachedRead } from '@/lib/db/read-cache';
import { getEntities } from '@/lib/db/queries';
import { jsonResponse } from '@/lib/http/cache-headers';
import { readJsonBody } from '@/lib/http/body';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { entitiesBody } from '@/lib/http/params';

/**
 * Names, properties and sources of a view's entities in one read (what an export needs and the
 * canvas does not carry): `{"ids": [...]}`, up to a view's limit; unknown ids are listed in `missing`.
 */
/** A view's worth of ids (5,000 of at most 200 characters) with room for JSON: a bigger body is refused unread. */
const MAX_BODY_BYTES = 2_000_000;

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (body.kind === 'too_large') {
    return NextResponse.json({ error: 'too_large', message: `The body is larger than ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes.` }, { status: 413, headers: { 'Cache-Control': 'no-store' } });
  }
  const parsed = entitiesBody.safeParse(body.kind === 'ok' ? body.value : undefined);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const ids = [...new Set(parsed.data.ids)].sort();
    return jsonResponse(request, await cachedRead(`entities\u0000${ids.join('\u0000')}`, () => getEntities(ids)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
