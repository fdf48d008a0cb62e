import { createTranslator } from 'use-intl/core';
import { makeLabeller, type Labeller, type Lookup } from './labeller';
import type { Locale } from './locales';
import { messagesFor, type Namespace } from './messages';
import type { Note } from './notes';

/**
 * Translators built from the whole catalogue, for code outside React: server pages and routes, the
 * preview worker, tests. It imports every language's messages, so no client component may use it
 * (they get one language through LocaleProvider: see components/i18n).
 */

/** A translator for one namespace, as `useTranslations` gives a client component. */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace, timeZone: 'UTC' });
}

const labellers = new Map<Locale, Labeller>();

/** Entity captions, type and relationship names in one language (see labeller.ts). */
export function labellerFor(locale: Locale): Labeller {
  let labeller = labellers.get(locale);
  if (!labeller) {
    const lookup = (namespace: Namespace) => translatorFor(locale, namespace) as unknown as Lookup;
    labeller = makeLabeller(locale, { types: lookup('types'), relations: lookup('relations'), common: lookup('common') });
    labellers.set(locale, labeller);
  }
  return labeller;
}

/** A note as text in one language (logs, tests; the page renders notes itself). */
export function noteText(note: Note, locale: Locale = 'en'): string {
  return translatorFor(locale, 'notes')(note.code, note.values);
}
