'use client';

import type { Core } from 'cytoscape';
import { useTranslations } from 'use-intl';
import { panBy } from './viewport';

const STEP = 0.25;
const MOVES = [
  ['up', 0, -STEP, '↑'],
  ['left', -STEP, 0, '←'],
  ['right', STEP, 0, '→'],
  ['down', 0, STEP, '↓'],
] as const;

/** Buttons that move the view a quarter of the canvas: panning without dragging (WCAG 2.5.7). */
export function PanPad({ cy }: { cy: Core | null }) {
  const t = useTranslations('toolbar.pan');
  return (
    <div className="pan-pad" role="group" aria-label={t('label')} data-overlay="">
      {MOVES.map(([name, dx, dy, arrow]) => (
        <button key={name} type="button" className={`icon pan-${name}`} aria-label={t(name)} title={t(name)} disabled={!cy}
          onClick={() => cy && panBy(cy, dx, dy)}>
          <span aria-hidden="true">{arrow}</span>
        </button>
      ))}
    </div>
  );
}
