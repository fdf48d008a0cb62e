import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/db/queries';
import { toErrorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

/** 200 when Neo4j answers a query, 503 when it does not. */
export async function GET() {
  try {
    return NextResponse.json(await checkHealth(), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
