import type { ViewStyle } from '../analysis/settings';
import type { DatasetInfo } from '../graph/dataset';
import type { PathsResult } from '../graph/paths';
import type { Subgraph } from '../graph/types';
import type { Note } from '../i18n/notes';
import type { Positions } from '../layout/compute-layout';
import type { ExplorerState } from '../url-state';

/** A view as the server builds it from a link (lib/db/view.ts) and the explorer starts from. */
export interface ViewData {
  state: ExplorerState;
  graph: Subgraph;
  positions: Positions;
  /** The link's "how are these connected" search, ranked (null: none, or it failed). */
  paths: PathsResult | null;
  notes: Note[];
  /** The database did not answer: the page still renders, with a banner, and retries. */
  unavailable: boolean;
  /** Sizes and colours when the link asks for an analysis (null: by type and database degree, or not computed). */
  style: ViewStyle | null;
  /** Names the input `style` was computed from (see filterView), so the browser can reuse it. */
  styleKey: string | null;
  /** The database's name and what it has (sources, countries): what the interface offers follows it. */
  dataset: DatasetInfo;
}
