import { z } from 'zod';
import type { Locale } from '../i18n/locales';
import type { Story } from '../story/codec';
import article from './article.json';
import partners from './partners.json';

/**
 * The stories shipped with the seed, as data: a title and, per step, a deep-link view, a caption in
 * each interface language citing its sources, and those sources' ids. A link names one by id
 * (`/?story=article`, `/story/article`); its text follows the reader's language.
 */

const text = z.object({ en: z.string().min(1), ru: z.string().min(1), zh: z.string().min(1) });

export const shippedStorySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  title: text,
  steps: z.array(z.object({ view: z.string().min(1), caption: text, sources: z.array(z.string()).min(1) })).min(1),
});

export type ShippedStory = z.infer<typeof shippedStorySchema>;

export const SHIPPED_STORIES: readonly ShippedStory[] = [article, partners].map((s) => shippedStorySchema.parse(s));

/** The first story offered to a newcomer. */
export const FIRST_STORY = 'article';

/** A shipped story in one language; null for an unknown id. */
export function shippedStory(id: string, locale: Locale): Story | null {
  const story = SHIPPED_STORIES.find((s) => s.id === id);
  if (!story) return null;
  return { title: story.title[locale], steps: story.steps.map((s) => ({ view: s.view, caption: s.caption[locale] })) };
}
