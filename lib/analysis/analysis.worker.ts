import type { AnalysisReply, AnalysisRequest } from './analysis-client';
import { styleView } from './view-style';

/**
 * The analysis's own thread in the browser: answers `{ id, input, settings }` with the view's
 * sizes and colours (PageRank and Louvain on a 5,000-entity view take a few hundred milliseconds).
 */
// Typed by hand: the project compiles against the DOM library, whose `self` is a Window.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(reply: AnalysisReply): void;
};

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, input, settings } = event.data;
  try {
    scope.postMessage({ id, style: styleView(input, settings) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
