import { type NextRequest, NextResponse } from 'next/server';
import { getNode } from '@/lib/graph/queries';
import { badRequest, notFound, toErrorResponse } from '@/lib/http/error-response';
import { entityId } from '@/lib/http/params';

/** One entity with its names, properties, degree by relationship type and sources. */
export async function GET(_request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const parsed = entityId.safeParse((await context.params).id);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const node = await getNode(parsed.data);
    return node ? NextResponse.json(node) : notFound(`No entity has the id "${parsed.data}".`);
  } catch (error) {
    return toErrorResponse(error);
  }
}
