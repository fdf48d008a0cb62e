'use client';

import { useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { stepLink, type StoryContext } from '@/lib/story/steps';
import { CopyButton } from './copy-button';

/**
 * The story being read, over the canvas: its title, where the reader is, the step's caption, and
 * Previous / Next (also Left / Right arrows, and a swipe on the card). Marked as an overlay, so
 * each step's view is framed in the canvas space the card leaves free.
 */
export function StoryCard({ context, onStep, touch, locale, onGo, onEdit, onClose }: {
  context: StoryContext;
  /** The screen shows the step's view (false: the reader explored away from it). */
  onStep: boolean;
  touch: boolean;
  locale: Locale;
  onGo: (step: number) => void;
  onEdit: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('story');
  const { story, step } = context;
  const count = story.steps.length;
  const swipe = useRef<{ x: number; y: number } | null>(null);
  const onTouchEnd = (x: number, y: number) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start) return;
    const dx = x - start.x;
    // A clear horizontal swipe: long enough, and more across than down.
    if (Math.abs(dx) < 50 || Math.abs(dx) < 1.5 * Math.abs(y - start.y)) return;
    if (dx < 0 && step < count - 1) onGo(step + 1);
    if (dx > 0 && step > 0) onGo(step - 1);
  };
  return (
    <section className="story-card" aria-label={t('region', { title: story.title })} data-overlay="" data-testid="story-card"
      onTouchStart={(e) => { swipe.current = { x: e.touches[0]!.clientX, y: e.touches[0]!.clientY }; }}
      onTouchEnd={(e) => onTouchEnd(e.changedTouches[0]!.clientX, e.changedTouches[0]!.clientY)}>
      <header className="story-head">
        <h2 className="story-title">{story.title}</h2>
        <button type="button" className="story-edit" onClick={onEdit}>
          <span className="label-long">{t('edit')}</span>
          <span className="label-short" aria-hidden="true">{t('editShort')}</span>
        </button>
        <button type="button" className="icon story-close" aria-label={t('close')} title={t('close')} onClick={onClose}>×</button>
      </header>
      <p className="story-progress" aria-live="polite">
        <span>{t('stepOf', { step: step + 1, count })}</span>
        <span className="story-dots" aria-hidden="true">
          {story.steps.map((_, i) => <span key={i} className={i === step ? 'dot current' : 'dot'} />)}
        </span>
      </p>
      <p className="story-caption" data-testid="story-caption" tabIndex={0}>{story.steps[step]?.caption}</p>
      {!onStep && (
        <p className="story-away">
          {t('movedAway')} <button type="button" className="link-button" onClick={() => onGo(step)}>{t('backToStep', { step: step + 1 })}</button>
        </p>
      )}
      <div className="story-nav">
        <button type="button" onClick={() => onGo(step - 1)} disabled={step === 0} aria-keyshortcuts="ArrowLeft"><span className="arrow" aria-hidden="true">← </span>{t('previous')}</button>
        <button type="button" className="primary" onClick={() => onGo(step + 1)} disabled={step === count - 1} aria-keyshortcuts="ArrowRight">{t('next')}<span className="arrow" aria-hidden="true"> →</span></button>
        <CopyButton className="story-copy" link={() => new URL(stepLink(context, step, locale), window.location.origin).href}>
          <span className="label-long">{t('copyStep')}</span>
          <span className="label-short" aria-hidden="true">{t('copyStepShort')}</span>
        </CopyButton>
      </div>
      <p className="story-hint">{t('keysHint', { touch: String(touch) })}</p>
    </section>
  );
}
