import type { NextRequest } from 'next/server';
import { readRequestOf, toResponse } from '@/lib/http/answer';
import { neighboursRead } from '@/lib/http/reads';

/** One hop around an entity, a page at a time, with the total and counts by type (lib/http/reads.ts). */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return toResponse(await neighboursRead(readRequestOf(request), (await context.params).id));
}
