import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '@/graph-seed/load';
import { readSeedDir } from '@/graph-seed/validate';
import { LOCALES } from '../i18n/locales';
import { stateIds } from '../url-state';
import { stepState } from '../story/steps';
import { SHIPPED_STORIES, shippedStory } from '.';

// The shipped stories against the committed seed, without a database: every entity a step shows,
// selects or expands, and every source a caption cites, exists.
const dataset = readSeedDir(DEFAULT_SEED_DIR);
const nodeIds = new Set(dataset.nodes.map((n) => n.id));
const sources = new Map(dataset.sources.map((s) => [s.id, s]));

describe('the shipped stories', () => {
  it('include the article in steps and the partners over time, on the map and the time filter', () => {
    expect(SHIPPED_STORIES.map((s) => s.id)).toEqual(expect.arrayContaining(['article', 'partners']));
    const partners = SHIPPED_STORIES.find((s) => s.id === 'partners')!;
    const states = partners.steps.map((s) => stepState(s.view).state);
    expect(states.every((s) => s.layout === 'map' && s.time !== null)).toBe(true);
    expect(new Set(states.map((s) => s.time!.from)).size).toBe(states.length);
  });

  for (const story of SHIPPED_STORIES) {
    describe(story.id, () => {
      it('shows, selects and expands only entities of the seed, in links that read without a note', () => {
        story.steps.forEach((step, i) => {
          const { state, ignored, hasView } = stepState(step.view);
          expect(ignored, `step ${i + 1}`).toEqual([]);
          expect(hasView).toBe(true);
          const named = [...stateIds(state), ...Object.keys(state.expanded), ...(state.selected?.kind === 'node' ? [state.selected.id] : [])];
          for (const id of named) expect(nodeIds.has(id), `step ${i + 1}: ${id}`).toBe(true);
          expect(state.selected, `step ${i + 1} selects what it is about`).not.toBeNull();
        });
      });

      it('cites sources that exist, with publisher and date in every language', () => {
        for (const [i, step] of story.steps.entries()) {
          for (const id of step.sources) expect(sources.has(id), `step ${i + 1}: ${id}`).toBe(true);
          const years = step.sources.map((id) => sources.get(id)?.date?.slice(0, 4)).filter(Boolean);
          for (const locale of LOCALES) {
            const caption = step.caption[locale];
            // A dated source is cited with its year; an undated one says so.
            expect(years.some((y) => caption.includes(y!)) || /undated|без даты|未注明日期/.test(caption), `${locale} step ${i + 1}`).toBe(true);
          }
        }
      });

      it('reads in each language', () => {
        for (const locale of LOCALES) {
          const resolved = shippedStory(story.id, locale)!;
          expect(resolved.title).toBe(story.title[locale]);
          expect(resolved.steps.map((s) => s.caption)).toEqual(story.steps.map((s) => s.caption[locale]));
        }
        expect(story.steps.map((s) => s.caption.ru).join(' ')).toMatch(/[а-я]/);
        expect(story.steps.map((s) => s.caption.zh).join(' ')).toMatch(/\p{Script=Han}/u);
      });
    });
  }
});
