import 'server-only';
import { headers } from 'next/headers';
import { createTranslator } from 'use-intl/core';
import { isLocale, LOCALE_HEADER, negotiateLocale, type Locale } from './locales';
import { messagesFor, type Namespace } from './messages';

/** A translator for server code (page titles, Open Graph text, the preview image). */
export function translator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

/** The language of the page being rendered, as the proxy resolved it (the link's `lang`, else the browser's). */
export async function pageLocale(): Promise<Locale> {
  const list = await headers();
  const resolved = list.get(LOCALE_HEADER);
  return isLocale(resolved) ? resolved : negotiateLocale(list.get('accept-language'));
}
