'use client';

import type { Core } from 'cytoscape';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LayoutName } from '@/lib/layout/compute-layout';
import type { Viewport } from '@/lib/url-state';
import { ExportMenu } from '../export/export-menu';
import type { ExportSource } from '../export/run-export';
import { frame, motion, readViewport } from '../graph/viewport';

/** Zoom, fit, layout, "Copy link" and "Export". The canvas instance is only used for viewport commands and pictures. */
export function Toolbar({ cy, layout, mapLayout, onLayout, currentUrl, exportView, onStartStory }: {
  cy: Core | null;
  layout: LayoutName;
  /** The graph has countries: the world map is offered. */
  mapLayout: boolean;
  onLayout: (layout: LayoutName) => void;
  /** The address of the view as it is now, viewport included. */
  currentUrl: (viewport: Viewport | null) => string;
  /** What an export takes from the view as it is now (the link is added here). */
  exportView: () => Omit<ExportSource, 'link'>;
  /** Starts a story from the view on screen (null while one is open). */
  onStartStory: (() => void) | null;
}) {
  const t = useTranslations('toolbar');
  const ts = useTranslations('story');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const zoomBy = (factor: number) => {
    if (!cy) return;
    const zoom = { level: Math.min(4, Math.max(0.1, cy.zoom() * factor)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } };
    if (motion(150) > 0) cy.animate({ zoom }, { duration: 150 });
    else cy.zoom(zoom);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(currentUrl(cy ? readViewport(cy) : null));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('label')}>
      <button type="button" className="icon" aria-label={t('zoomIn')} onClick={() => zoomBy(1.25)} disabled={!cy}>+</button>
      <button type="button" className="icon" aria-label={t('zoomOut')} onClick={() => zoomBy(0.8)} disabled={!cy}>−</button>
      <button type="button" aria-label={t('fitLabel')} aria-keyshortcuts="f" onClick={() => cy && frame(cy, cy.elements())} disabled={!cy}>{t('fit')}</button>
      <label className="layout-select">
        <span className="visually-hidden">{t('layout')}</span>
        <select value={layout} onChange={(event) => onLayout(event.target.value as LayoutName)} aria-label={t('layout')}>
          <option value="force">{t('layouts.force')}</option>
          <option value="circle">{t('layouts.circle')}</option>
          <option value="grid">{t('layouts.grid')}</option>
          {mapLayout && <option value="map">{t('layouts.map')}</option>}
        </select>
      </label>
      <button type="button" className="primary" onClick={() => void copy()}>
        {copied === 'failed' ? t('copyFailed') : (
          // Phones show the short word; the full one stays the button's name for screen readers.
          <>
            <span className="label-long">{copied === 'copied' ? t('copied') : t('copyLink')}</span>
            <span className="label-short" aria-hidden="true">{copied === 'copied' ? t('copiedShort') : t('copyLinkShort')}</span>
          </>
        )}
      </button>
      {onStartStory && (
        <button type="button" className="story-start" onClick={onStartStory}>{ts('start')}</button>
      )}
      <ExportMenu cy={cy} source={() => ({ ...exportView(), link: currentUrl(cy ? readViewport(cy) : null) })} />
    </div>
  );
}
