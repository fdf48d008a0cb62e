/**
 * Security headers for every response, and the Content-Security-Policy for pages. Scripts run only
 * with the per-request nonce (Next.js puts it on its own scripts when it finds it in the request's
 * CSP header) or when loaded by such a script ('strict-dynamic'). Style elements need the nonce or
 * this origin; style *attributes* are allowed ('unsafe-inline' for style-src-attr only) because
 * React renders `style={...}` as attributes (type colours, swatches), and an attribute cannot run
 * code. Images may be data:/blob: URLs (the server-drawn SVG, canvas exports).
 */
export function pageCsp(nonce: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The layout's Web Worker is a script of this origin ('strict-dynamic' would otherwise refuse it).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** JSON and images never need to load anything. */
export function apiCsp(frameAncestors: string): string {
  return `default-src 'none'; frame-ancestors ${frameAncestors}`;
}

const apiHeaderSets = new Map<string, Readonly<Record<string, string>>>();

/**
 * What every JSON or image answer carries: the common headers and the API's CSP. Built once per
 * frame-ancestors setting and shared by every answer (frozen: copy it to add to it).
 */
export function apiHeaders(frameAncestors: string): Readonly<Record<string, string>> {
  let headers = apiHeaderSets.get(frameAncestors);
  if (!headers) {
    headers = Object.freeze({ ...securityHeaders(frameAncestors), 'Content-Security-Policy': apiCsp(frameAncestors) });
    apiHeaderSets.set(frameAncestors, headers);
  }
  return headers;
}

export function securityHeaders(frameAncestors: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(frameAncestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : frameAncestors === "'self'" ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
  };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
