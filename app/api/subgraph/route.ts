import type { NextRequest } from 'next/server';
import { readRequestOf, toResponse } from '@/lib/http/answer';
import { badRequest } from '@/lib/http/error-response';
import { subgraphBody } from '@/lib/http/params';
import { subgraphQueryRead, subgraphRead } from '@/lib/http/reads';

/** The given entities and the relationships among them; unknown ids are listed in `missing`. */
export async function GET(request: NextRequest) {
  return toResponse(await subgraphQueryRead(readRequestOf(request)));
}

/** The same for a big view, whose ids do not fit in a URL: `{"ids": [...]}`, a read like the GET. */
export async function POST(request: NextRequest) {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = subgraphBody.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error);
  return toResponse(await subgraphRead(readRequestOf(request), parsed.data.ids));
}
