import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { serverSeam } from '../server-seam';

/**
 * Hands the app the address of the socket each request came on, whichever server runs it. Next.js's
 * proxy sees a NextRequest, which has no socket and no `ip` (removed in Next.js 15); under
 * `next start` a client's own X-Forwarded-For reaches it unchanged (Next.js fills the header in only
 * when it is absent). So the address travels in a request header, set from the socket before any
 * server code sees the request, through Node's `http.server.request.start` diagnostics channel, which
 * every http.Server of the process publishes to (scripts/serve.mjs's and `next start`'s alike).
 * The header's name is random per process and known only through the server seam: a client cannot
 * guess it, and a value it sends under that name would be overwritten anyway. Node's docs still mark
 * the built-in HTTP channels experimental (published since Node 16); were one ever to fall silent,
 * requests would arrive unstamped and every client would share one bucket, never pick its own
 * (test/bounds.system.test.ts would say so). Requests that reach `next start` before it has loaded
 * the app (its first second) are not stamped either.
 *
 * Installed once per process by instrumentation.ts, which Next.js runs before serving.
 */
export function stampSocketAddresses(): string {
  const seam = serverSeam();
  if (seam.clientAddressHeader) return seam.clientAddressHeader;
  const header = `x-client-address-${randomBytes(12).toString('hex')}`;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[header] = socket.remoteAddress ?? 'unknown';
  });
  seam.clientAddressHeader = header;
  return header;
}
