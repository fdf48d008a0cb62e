import { type NextRequest, NextResponse } from 'next/server';
import { searchEntities } from '@/lib/graph/queries';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { queryObject, searchParams } from '@/lib/http/params';

/** Ranked entities for as-you-type search in English, Russian and Chinese. */
export async function GET(request: NextRequest) {
  const parsed = searchParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const hits = await searchEntities(parsed.data.q, parsed.data.limit);
    return NextResponse.json({ query: parsed.data.q, hits });
  } catch (error) {
    return toErrorResponse(error);
  }
}
