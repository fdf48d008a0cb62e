import enAnalysis from '../../messages/en/analysis.json';
import enCommon from '../../messages/en/common.json';
import enTime from '../../messages/en/time.json';
import ruAnalysis from '../../messages/ru/analysis.json';
import ruCommon from '../../messages/ru/common.json';
import ruTime from '../../messages/ru/time.json';
import zhAnalysis from '../../messages/zh/analysis.json';
import zhCommon from '../../messages/zh/common.json';
import zhTime from '../../messages/zh/time.json';
import type { Locale } from './locales';

/**
 * Every interface message, by language and namespace (one JSON file per namespace and language under
 * `messages/`, ICU message syntax: plurals, numbers, dates). English is the reference: a test checks
 * that Russian and Chinese have every English key and the same placeholders.
 *
 * Server code only (pages, routes, the preview image): a client component gets the messages of its
 * one language from the page, through LocaleProvider, never this whole catalogue.
 */
export const CATALOG = {
  en: { common: enCommon, analysis: enAnalysis, time: enTime },
  ru: { common: ruCommon, analysis: ruAnalysis, time: ruTime },
  zh: { common: zhCommon, analysis: zhAnalysis, time: zhTime },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof CATALOG)['en'];
export type Namespace = keyof Messages;

export function messagesFor(locale: Locale): Messages {
  return CATALOG[locale] as Messages;
}
