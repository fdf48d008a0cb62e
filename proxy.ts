import { type NextRequest, NextResponse } from 'next/server';
import { appEnv } from '@/lib/env';
import { clientAddress, requestCost, sharedRateLimiter } from '@/lib/http/rate-limit';
import { apiCsp, apiHeaders, newNonce, pageCsp, securityHeaders } from '@/lib/http/security-headers';
import { LOCALE_HEADER, requestedLocale } from '@/lib/i18n/locales';

/**
 * Runs before every request (Next.js 16 "proxy", formerly middleware): refuses malformed addresses
 * with 400, applies the per-client rate limit (429 + Retry-After), and sets the security headers,
 * including a Content-Security-Policy with a fresh nonce for pages, and tells pages their language.
 */

const STATIC = /^\/(_next\/static\/|_next\/image|icon\.svg$|favicon\.ico$)/;

function isDecodable(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function refuse(status: number, body: Record<string, string>, headers: Record<string, string>): NextResponse {
  return NextResponse.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
}

export function proxy(request: NextRequest) {
  const env = appEnv();
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const common = securityHeaders(env.FRAME_ANCESTORS);

  // Paths are decoded strictly (an id must mean one thing); query strings are already decoded
  // leniently by the URL standard (an invalid sequence becomes U+FFFD), so they reach validation.
  if (!isDecodable(pathname)) {
    return refuse(400, { error: 'bad_request', message: 'The address contains malformed percent-encoding.' },
      apiHeaders(env.FRAME_ANCESTORS));
  }

  if (!STATIC.test(pathname)) {
    const decision = sharedRateLimiter().take(clientAddress(request.headers, env.TRUST_PROXY), requestCost(pathname));
    if (!decision.ok) {
      return refuse(429, { error: 'rate_limited', message: 'Too many requests; slow down and try again shortly.' },
        { ...apiHeaders(env.FRAME_ANCESTORS), 'Retry-After': String(decision.retryAfterSeconds) });
    }
    if (Number.isFinite(decision.remaining)) common['RateLimit-Remaining'] = String(decision.remaining);
  }

  if (isApi || STATIC.test(pathname)) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(common)) response.headers.set(name, value);
    if (isApi) response.headers.set('Content-Security-Policy', apiCsp(env.FRAME_ANCESTORS));
    return response;
  }

  // Pages: Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const nonce = newNonce();
  const csp = pageCsp(nonce, env.FRAME_ANCESTORS);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // The page's language: the link's `lang` when it names one of ours, else the browser's preference.
  requestHeaders.set(LOCALE_HEADER, requestedLocale(request.nextUrl.searchParams.get('lang'), request.headers.get('accept-language')));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(common)) response.headers.set(name, value);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Every path: security headers belong on static files and 404s too.
  matcher: '/:path*',
};
