import type { NextRequest } from 'next/server';
import { readRequestOf, toResponse } from '@/lib/http/answer';
import { pathsRead } from '@/lib/http/reads';

/** Up to k ranked paths between two entities, each with its sources and a reading (lib/http/reads.ts). */
export async function GET(request: NextRequest) {
  return toResponse(await pathsRead(readRequestOf(request)));
}
