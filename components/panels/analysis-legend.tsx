'use client';

import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { COLOUR_MODES, SIZE_MODES, SMALLER_COLOUR, UNLINKED_COLOUR, type AnalysisSettings, type ColourMode, type SizeMode, type ViewStyle } from '@/lib/analysis/settings';

const bold = (chunks: ReactNode) => <strong>{chunks}</strong>;

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
  const t = useTranslations('analysis');
  const format = useFormatter();
  const name = (id: string) => names.get(id) ?? id;
  // A stale answer (from before the last change) is not explained as if it were the current one.
  const current = style && style.settings.size === settings.size && style.settings.colour === settings.colour ? style : null;
  const communityCount = current ? current.communities.length + current.smaller.communities : 0;
  return (
    <div className="analysis" data-testid="analysis-legend">
      <div className="analysis-choices">
        <label className="analysis-choice">
          <span>{t('size')}</span>
          <select value={settings.size} onChange={(e) => onChange({ size: e.target.value as SizeMode })}>
            {SIZE_MODES.map((mode) => <option key={mode} value={mode}>{t(`sizeMode.${mode}`)}</option>)}
          </select>
        </label>
        <label className="analysis-choice">
          <span>{t('colour')}</span>
          <select value={settings.colour} onChange={(e) => onChange({ colour: e.target.value as ColourMode })}>
            {COLOUR_MODES.map((mode) => <option key={mode} value={mode}>{t(`colourMode.${mode}`)}</option>)}
          </select>
        </label>
      </div>
      <div className="analysis-explained" aria-live="polite">
        {failed ? (
          <p className="analysis-line">{t('failed')}</p>
        ) : pending && !current ? (
          <p className="analysis-line muted">{t('computing')}</p>
        ) : (
          <>
            <p className="analysis-line">
              {t.rich(`sizeExplained.${settings.size}`, { b: bold })}
              {current && current.top.length > 0 && <> {t('largest', { names: format.list(current.top.map(name)) })}</>}
            </p>
            {settings.colour === 'type' && <p className="analysis-line">{t.rich('colourType', { b: bold })}</p>}
            {settings.colour === 'community' && current && (
              <>
                <p className="analysis-line">{t.rich('colourCommunity', { b: bold, count: communityCount })}</p>
                <ul className="community-list" aria-label={t('communities')}>
                  {current.communities.map((c) => (
                    <li key={c.leader}>
                      <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                      <span>{t('communityOf', { name: name(c.leader) })}</span>
                      <span className="muted">{format.number(c.count)}</span>
                    </li>
                  ))}
                  {current.smaller.communities > 0 && (
                    <li>
                      <span className="swatch" style={{ background: SMALLER_COLOUR }} aria-hidden="true" />
                      <span>{t('smaller', { count: current.smaller.communities })}</span>
                      <span className="muted">{format.number(current.smaller.entities)}</span>
                    </li>
                  )}
                  {current.unlinked > 0 && (
                    <li>
                      <span className="swatch" style={{ background: UNLINKED_COLOUR }} aria-hidden="true" />
                      <span>{t('unlinked')}</span>
                      <span className="muted">{format.number(current.unlinked)}</span>
                    </li>
                  )}
                </ul>
              </>
            )}
            {current && <p className="analysis-line muted">{t('analysed', { entities: current.analysed.entities, relationships: current.analysed.relationships })}</p>}
          </>
        )}
      </div>
    </div>
  );
}
