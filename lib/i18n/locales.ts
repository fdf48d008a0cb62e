import { LANGUAGES, type Language } from '../graph/types';

/**
 * The interface languages. The same three as the data's names (English, Russian, Chinese), so a
 * caption and the chrome around it can always speak one language. Pure: server, client and proxy.
 */
export type Locale = Language;
export const LOCALES: readonly Locale[] = LANGUAGES;
const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', zh: '中文' };

/** The request header the proxy sets with the language it resolved for a page. */
export const LOCALE_HEADER = 'x-explorer-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best interface language for an Accept-Language header: highest q first, a region ignored
 * (`ru-RU` is `ru`, `zh-Hant-TW` is `zh`); English when none of ours is asked for.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header.slice(0, 1000).split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
  }).filter((entry) => entry.weight > 0).sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The language a request asks for: the link's `lang` when it is one of ours, else the browser's preference. */
export function requestedLocale(langParam: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(langParam) ? langParam : negotiateLocale(acceptLanguage);
}
