import { type NextRequest, NextResponse } from 'next/server';
import { search } from '@/lib/graph/queries';
import { badRequest, toErrorResponse } from '@/lib/http/error-response';
import { queryObject, searchParams } from '@/lib/http/params';

/** Ranked entities for as-you-type search; `mode` and `note` say how this database could be searched. */
export async function GET(request: NextRequest) {
  const parsed = searchParams.safeParse(queryObject(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    return NextResponse.json({ query: parsed.data.q, ...(await search(parsed.data.q, parsed.data.limit)) });
  } catch (error) {
    return toErrorResponse(error);
  }
}
