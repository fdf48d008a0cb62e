import { computeLayout, mapLayoutLoaded, provideMapLayout, rememberLayout } from './compute-layout';
import type { LayoutReply, LayoutRequest } from './layout-client';

/**
 * The layout's own thread: answers `{ id, input }` with `{ id, positions }` (or `{ id, error }`),
 * and takes `{ remember }` to seed its cache with positions computed elsewhere (the server's first
 * render), so the next step lays out only the new batch. One worker serves the whole page.
 */
// Typed by hand: the project compiles against the DOM library, whose `self` is a Window.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(reply: LayoutReply): void;
};

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const message = event.data;
  if ('remember' in message) {
    const { batches, edges, positions, sizes } = message.remember;
    rememberLayout(batches, edges, positions, sizes);
    return;
  }
  let reply: LayoutReply;
  try {
    // The world map's atlas loads only when a map view is asked for.
    if (message.input.layout === 'map' && !mapLayoutLoaded()) provideMapLayout((await import('./map-layout')).mapLayout);
    reply = { id: message.id, positions: computeLayout(message.input) };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
