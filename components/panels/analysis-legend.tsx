'use client';

import { COLOUR_MODES, SIZE_MODES, SMALLER_COLOUR, UNLINKED_COLOUR, type AnalysisSettings, type ColourMode, type SizeMode, type ViewStyle } from '@/lib/analysis/settings';

const SIZE_LABELS: Record<SizeMode, string> = {
  links: 'All relationships',
  degree: 'Relationships in view',
  pagerank: 'PageRank in view',
};
const COLOUR_LABELS: Record<ColourMode, string> = {
  type: 'Entity type',
  community: 'Community (Louvain)',
};

/**
 * The analysis part of the legend: how entities are sized and coloured (two choices, kept in the
 * link), and what the picture then means, in words: which entities rank highest, which colour is
 * which community (named after its highest-ranked member).
 */
export function AnalysisLegend({ settings, style, pending, failed, names, onChange }: {
  settings: AnalysisSettings;
  style: ViewStyle | null;
  pending: boolean;
  failed: boolean;
  names: Map<string, string>;
  onChange: (settings: Partial<AnalysisSettings>) => void;
}) {
  const name = (id: string) => names.get(id) ?? id;
  // A stale answer (from before the last change) is not explained as if it were the current one.
  const current = style && style.settings.size === settings.size && style.settings.colour === settings.colour ? style : null;
  return (
    <div className="analysis" data-testid="analysis-legend">
      <div className="analysis-choices">
        <label className="analysis-choice">
          <span>Size</span>
          <select value={settings.size} onChange={(e) => onChange({ size: e.target.value as SizeMode })}>
            {SIZE_MODES.map((mode) => <option key={mode} value={mode}>{SIZE_LABELS[mode]}</option>)}
          </select>
        </label>
        <label className="analysis-choice">
          <span>Colour</span>
          <select value={settings.colour} onChange={(e) => onChange({ colour: e.target.value as ColourMode })}>
            {COLOUR_MODES.map((mode) => <option key={mode} value={mode}>{COLOUR_LABELS[mode]}</option>)}
          </select>
        </label>
      </div>
      <div className="analysis-explained" aria-live="polite">
        {failed ? (
          <p className="analysis-line">The analysis could not be computed; entities are drawn by type and by their relationships in the database.</p>
        ) : pending && !current ? (
          <p className="analysis-line muted">Computing…</p>
        ) : (
          <>
            <p className="analysis-line">
              <strong>Size:</strong>{' '}
              {settings.size === 'links' && 'relationships in the database.'}
              {settings.size === 'degree' && 'relationships in this view.'}
              {settings.size === 'pagerank' && 'PageRank in this view (following each relationship\u2019s direction).'}
              {current && current.top.length > 0 && <> Largest: {current.top.map(name).join(', ')}.</>}
            </p>
            {settings.colour === 'type' && <p className="analysis-line"><strong>Colour:</strong> entity type (below).</p>}
            {settings.colour === 'community' && current && (
              <>
                <p className="analysis-line">
                  <strong>Colour:</strong> {current.communities.length + current.smaller.communities} communit{current.communities.length + current.smaller.communities === 1 ? 'y' : 'ies'} (Louvain, in this view); shape shows the type.
                </p>
                <ul className="community-list" aria-label="Communities">
                  {current.communities.map((c) => (
                    <li key={c.leader}>
                      <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                      <span>{name(c.leader)} and others</span>
                      <span className="muted">{c.count}</span>
                    </li>
                  ))}
                  {current.smaller.communities > 0 && (
                    <li>
                      <span className="swatch" style={{ background: SMALLER_COLOUR }} aria-hidden="true" />
                      <span>{current.smaller.communities} smaller communities</span>
                      <span className="muted">{current.smaller.entities}</span>
                    </li>
                  )}
                  {current.unlinked > 0 && (
                    <li>
                      <span className="swatch" style={{ background: UNLINKED_COLOUR }} aria-hidden="true" />
                      <span>Linked to nothing in this view</span>
                      <span className="muted">{current.unlinked}</span>
                    </li>
                  )}
                </ul>
              </>
            )}
            {current && <p className="analysis-line muted">Computed on the {current.analysed.entities} entities and {current.analysed.relationships} relationships shown; group nodes are left out.</p>}
          </>
        )}
      </div>
    </div>
  );
}
