/**
 * Runs once per server process before it serves (Next.js's instrumentation hook), under
 * `npm run serve`, `npm start` and `next start` alike: from here on every request carries its
 * socket's address where the rate limiter reads it and no client can write (lib/http/socket-address.ts),
 * and the HTTP server may answer the JSON reads itself (lib/http/api-desk.ts; scripts/serve.mjs only).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampSocketAddresses } = await import('./lib/http/socket-address');
  stampSocketAddresses();
  const { openDesk } = await import('./lib/http/api-desk');
  openDesk();
}
