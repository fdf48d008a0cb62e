'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { MAX_STORY_CAPTION, MAX_STORY_STEPS, MAX_STORY_TITLE } from '@/lib/story/codec';
import type { StoryContext } from '@/lib/story/steps';
import type { useStory } from './use-story';
import { CopyButton } from './copy-button';

type Builder = ReturnType<typeof useStory>['builder'];

/**
 * Text that is written back after a pause and when the field is left, so typing does not rewrite
 * the address on every key press (browsers limit how often a page may do that).
 */
function useDraft(value: string, save: (text: string) => void) {
  const [draft, setDraft] = useState(value);
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => saveRef.current(draft), 600);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return { value: draft, onChange: (text: string) => setDraft(text), onBlur: () => { if (draft !== value) saveRef.current(draft); } };
}

function StepRow({ index, count, caption, current, builder, onGo }: {
  index: number; count: number; caption: string; current: boolean; builder: Builder; onGo: (step: number) => void;
}) {
  const t = useTranslations('story');
  const draft = useDraft(caption, (text) => builder.setCaption(index, text));
  const n = index + 1;
  return (
    <li className={current ? 'story-step current' : 'story-step'}>
      <div className="story-step-head">
        <button type="button" className="story-step-go" aria-current={current ? 'step' : undefined} onClick={() => onGo(index)}>
          {t('stepButton', { step: n })}{current && <span className="muted"> · {t('current')}</span>}
        </button>
        <span className="story-step-tools">
          <button type="button" aria-label={t('upLabel', { step: n })} disabled={index === 0} onClick={() => builder.move(index, -1)}>{t('up')}</button>
          <button type="button" aria-label={t('downLabel', { step: n })} disabled={index === count - 1} onClick={() => builder.move(index, 1)}>{t('down')}</button>
          <button type="button" className="danger" aria-label={t('removeLabel', { step: n })} onClick={() => builder.remove(index)}>{t('remove')}</button>
        </span>
      </div>
      <label className="field-label" htmlFor={`story-caption-${index}`}>{t('captionLabel', { step: n })}</label>
      <textarea id={`story-caption-${index}`} className="text-area" rows={3} maxLength={MAX_STORY_CAPTION} placeholder={t('captionPlaceholder')}
        value={draft.value} onChange={(e) => draft.onChange(e.target.value)} onBlur={draft.onBlur} />
    </li>
  );
}

/** The story builder, in the side panel: title, steps (reorder, remove, caption), add the view on screen, share. */
export function StoryEditor({ context, builder, onGo, onDone, link }: {
  context: StoryContext;
  builder: Builder;
  onGo: (step: number) => void;
  onDone: () => void;
  /** The story's link, at its current step. */
  link: () => string;
}) {
  const t = useTranslations('story');
  const title = useDraft(context.story.title, builder.setTitle);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const full = context.story.steps.length >= MAX_STORY_STEPS;
  return (
    <section className="story-editor" aria-labelledby="story-editor-title" data-testid="story-editor">
      <h2 id="story-editor-title" ref={heading} tabIndex={-1}>{t('editorTitle')}</h2>
      <p className="muted">{t('editorIntro')}</p>
      <label className="field-label" htmlFor="story-title">{t('titleLabel')}</label>
      <input id="story-title" className="text-input" maxLength={MAX_STORY_TITLE} value={title.value}
        onChange={(e) => title.onChange(e.target.value)} onBlur={title.onBlur} />
      <h3 className="story-steps-title">{t('steps')}</h3>
      <ol className="story-steps">
        {context.story.steps.map((step, i) => (
          <StepRow key={i} index={i} count={context.story.steps.length} caption={step.caption} current={i === context.step}
            builder={builder} onGo={onGo} />
        ))}
      </ol>
      <div className="story-editor-actions">
        <button type="button" className="primary" onClick={builder.addStep} disabled={full}>{t('addStep')}</button>
        <CopyButton link={link}>{t('copyStory')}</CopyButton>
        <button type="button" onClick={onDone}>{t('done')}</button>
      </div>
      {full && <p className="muted">{t('full', { max: MAX_STORY_STEPS })}</p>}
    </section>
  );
}
