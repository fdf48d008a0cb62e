/**
 * An HTTP answer as plain data. The read routes compute one (lib/http/reads.ts); Next.js sends it as
 * a Response (`toResponse`), the HTTP server's desk writes it to the socket as it is
 * (lib/http/api-desk.ts). One computation, two ways out, the same status, headers and body.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** A request as the read routes see it, whichever server received it. */
export interface ReadRequest {
  method: string;
  /** The request target as sent (`/api/search?q=a`) or an absolute URL. */
  url: string;
  searchParams: URLSearchParams;
  header: (name: string) => string | null;
}

/** JSON, as `Response.json` sends it. */
export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

export function toResponse({ status, headers, body }: Answer): Response {
  return new Response(typeof body === 'string' || body === null ? body : new Uint8Array(body), { status, headers });
}

/** What a read route needs of a Fetch API request (Next.js's, whose parsed URL is reused when it has one). */
export function readRequestOf(request: Request & { nextUrl?: URL }): ReadRequest {
  const searchParams = (request.nextUrl ?? new URL(request.url)).searchParams;
  return { method: request.method, url: request.url, searchParams, header: (name) => request.headers.get(name) };
}
