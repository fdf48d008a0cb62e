'use client';

import { useEffect, useMemo, useState } from 'react';
import { analyseOffThread } from '@/lib/analysis/analysis-client';
import { DEFAULT_ANALYSIS, type AnalysisSettings, type ViewStyle } from '@/lib/analysis/settings';
import { filterView, type EvidenceSummary, type TimeSummary } from '@/lib/analysis/visibility';
import type { Subgraph } from '@/lib/graph/types';
import type { ExplorerState } from '@/lib/url-state';

export interface ViewAnalysis {
  settings: AnalysisSettings;
  /** What the time filter hides and counts. */
  time: TimeSummary;
  /** What the evidence filter hides, and the view's facts by grade. */
  evidence: EvidenceSummary;
  /** Everything the time and evidence filters hide. */
  hidden: Set<string>;
  /** Sizes and colours to draw; the previous ones while a new answer is computed; null for the defaults. */
  style: ViewStyle | null;
  /** A new analysis is being computed (the legend says so). */
  pending: boolean;
  /** The computation failed: the view is drawn by type and database degree, and the legend says why. */
  failed: boolean;
}

/**
 * The filters and the analysis of what is on screen. The time filter is a cheap pass done here;
 * PageRank and Louvain run in the analysis worker, and the server's answer for the first view is
 * reused when it was computed from the same input (same key), so the first paint does not change.
 */
export function useViewAnalysis(graph: Subgraph, state: ExplorerState, initial: { style: ViewStyle | null; styleKey: string | null }): ViewAnalysis {
  const { size, colour, hiddenTypes, time: range, undated, evidence } = state;
  const settings = useMemo(() => ({ size, colour }), [size, colour]);
  const filtered = useMemo(() => filterView(graph, { hiddenTypes, time: range, undated, evidence }, settings), [graph, hiddenTypes, range, undated, evidence, settings]);
  const [result, setResult] = useState<{ key: string; style: ViewStyle | null; failed: boolean } | null>(
    initial.style && initial.styleKey ? { key: initial.styleKey, style: initial.style, failed: false } : null);
  const isDefault = size === DEFAULT_ANALYSIS.size && colour === DEFAULT_ANALYSIS.colour;

  useEffect(() => {
    if (isDefault || result?.key === filtered.key) return;
    let live = true;
    analyseOffThread(filtered.input, settings).then(
      (style) => { if (live) setResult({ key: filtered.key, style, failed: false }); },
      () => { if (live) setResult({ key: filtered.key, style: null, failed: true }); },
    );
    return () => { live = false; };
  }, [filtered, settings, isDefault, result?.key]);

  return {
    settings,
    time: filtered.time,
    evidence: filtered.evidence,
    hidden: filtered.hidden,
    style: isDefault ? null : result?.style ?? null,
    pending: !isDefault && result?.key !== filtered.key,
    failed: !isDefault && result?.key === filtered.key && result.failed,
  };
}
