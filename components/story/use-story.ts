'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { decodeStory, encodeStory, MAX_STORY_STEPS, type Story } from '@/lib/story/codec';
import { showsStep, stepState, stepView, type StoryContext } from '@/lib/story/steps';
import type { ExplorerState } from '@/lib/url-state';

/**
 * The story a link carries, and the builder: the `story=` parameter is the whole story (a shipped
 * id, or encoded: lib/story/codec.ts), `step=` the step shown. Moving to a step opens its view as a
 * history entry; every edit rewrites the story parameter, so the address is the builder's state.
 * `ref` is read by the explorer each time it writes the address (see useUrlSync's `extra`).
 */
export function useStory(options: {
  ref: MutableRefObject<StoryContext | null>;
  state: ExplorerState;
  /** Opens a view as a history entry (useExplorer's `show`). */
  show: (state: ExplorerState) => void;
  /** Rewrites the address after the story changed (useExplorer's `rewriteUrl`). */
  rewriteUrl: (mode: 'push' | 'replace') => void;
  untitled: string;
}) {
  const { ref, state, show, rewriteUrl, untitled } = options;
  const [context, setContextState] = useState<StoryContext | null>(ref.current);
  // Stories seen in this page, by code: Back and Forward may return to any of them.
  const known = useRef(new Map<string, Story>(ref.current ? [[ref.current.code, ref.current.story]] : []));
  const stateRef = useRef(state);
  stateRef.current = state;

  const setContext = useCallback((next: StoryContext | null) => {
    ref.current = next;
    setContextState(next);
  }, [ref]);

  useEffect(() => {
    const onPopState = () => {
      const params = new URLSearchParams(window.location.search);
      const code = params.get('story');
      let story = code ? known.current.get(code) ?? null : null;
      if (code && !story) {
        const decoded = decodeStory(code);
        story = decoded.ok ? decoded.story : null;
      }
      if (!code || !story) return setContext(null);
      const step = Math.min(story.steps.length, Math.max(1, Number(params.get('step')) || 1)) - 1;
      setContext({ code, story, step, shippedId: ref.current?.code === code ? ref.current.shippedId : null });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [ref, setContext]);

  /** Shows step `index` (clamped): its view, as a step in history. */
  const go = useCallback((index: number) => {
    const current = ref.current;
    if (!current) return;
    const step = Math.min(current.story.steps.length - 1, Math.max(0, index));
    const view = current.story.steps[step]!.view;
    setContext({ ...current, step });
    show({ ...stepState(view).state, lang: stateRef.current.lang });
  }, [ref, setContext, show]);

  /** Replaces the story with an edited one (now encoded, whatever it was) and rewrites the address. */
  const edit = useCallback((story: Story, step: number, mode: 'push' | 'replace') => {
    const code = encodeStory(story);
    known.current.set(code, story);
    setContext({ code, story, step: Math.min(story.steps.length - 1, Math.max(0, step)), shippedId: null });
    rewriteUrl(mode);
  }, [rewriteUrl, setContext]);

  const builder = useMemo(() => ({
    /** A new story whose first step is the view on screen. */
    start: () => edit({ title: untitled, steps: [{ view: stepView(stateRef.current), caption: '' }] }, 0, 'push'),
    /** The view on screen becomes the step after the current one. */
    addStep: () => {
      const current = ref.current;
      if (!current || current.story.steps.length >= MAX_STORY_STEPS) return;
      const steps = [...current.story.steps];
      steps.splice(current.step + 1, 0, { view: stepView(stateRef.current), caption: '' });
      edit({ ...current.story, steps }, current.step + 1, 'push');
    },
    setTitle: (title: string) => {
      const current = ref.current;
      if (current && current.story.title !== title) edit({ ...current.story, title }, current.step, 'replace');
    },
    setCaption: (index: number, caption: string) => {
      const current = ref.current;
      if (!current || current.story.steps[index]?.caption === caption) return;
      edit({ ...current.story, steps: current.story.steps.map((s, i) => (i === index ? { ...s, caption } : s)) }, current.step, 'replace');
    },
    /** Moves a step one place earlier (-1) or later (+1); the step shown stays the one shown. */
    move: (index: number, delta: -1 | 1) => {
      const current = ref.current;
      const other = index + delta;
      if (!current || other < 0 || other >= current.story.steps.length) return;
      const steps = [...current.story.steps];
      [steps[index], steps[other]] = [steps[other]!, steps[index]!];
      const step = current.step === index ? other : current.step === other ? index : current.step;
      edit({ ...current.story, steps }, step, 'push');
    },
    remove: (index: number) => {
      const current = ref.current;
      if (!current) return;
      if (current.story.steps.length === 1) {
        setContext(null);
        rewriteUrl('push');
        return;
      }
      const steps = current.story.steps.filter((_, i) => i !== index);
      edit({ ...current.story, steps }, current.step > index ? current.step - 1 : current.step, 'push');
    },
    close: () => {
      setContext(null);
      rewriteUrl('push');
    },
  }), [edit, ref, rewriteUrl, setContext, untitled]);

  const onStep = context ? showsStep(state, context.story.steps[context.step]?.view ?? '') : false;

  // Left and Right arrows move through the story, unless the focus is somewhere they mean something else.
  useEffect(() => {
    if (!context) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
        || target.closest('[role="application"], [role="slider"], [role="menu"], [role="listbox"], [role="combobox"]'))) return;
      event.preventDefault();
      const current = ref.current;
      if (!current) return;
      const next = current.step + (event.key === 'ArrowRight' ? 1 : -1);
      if (next >= 0 && next < current.story.steps.length) go(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [context, go, ref]);

  return { context, onStep, go, builder };
}
