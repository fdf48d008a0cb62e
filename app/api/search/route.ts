import type { NextRequest } from 'next/server';
import { readRequestOf, toResponse } from '@/lib/http/answer';
import { searchRead } from '@/lib/http/reads';

/** Ranked entities for as-you-type search (lib/http/reads.ts). */
export async function GET(request: NextRequest) {
  return toResponse(await searchRead(readRequestOf(request)));
}
