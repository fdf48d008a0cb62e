import enCommon from '../../messages/en/common.json';
import enExport from '../../messages/en/export.json';
import ruCommon from '../../messages/ru/common.json';
import ruExport from '../../messages/ru/export.json';
import zhCommon from '../../messages/zh/common.json';
import zhExport from '../../messages/zh/export.json';
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
  en: { common: enCommon, export: enExport },
  ru: { common: ruCommon, export: ruExport },
  zh: { common: zhCommon, export: zhExport },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof CATALOG)['en'];
export type Namespace = keyof Messages;

export function messagesFor(locale: Locale): Messages {
  return CATALOG[locale] as Messages;
}
