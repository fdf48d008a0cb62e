import type { NextRequest } from 'next/server';
import { readRequestOf, toResponse } from '@/lib/http/answer';
import { entityRead } from '@/lib/http/reads';

/** One entity with its names, properties, degree by relationship type and sources (lib/http/reads.ts). */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return toResponse(await entityRead(readRequestOf(request), (await context.params).id));
}
