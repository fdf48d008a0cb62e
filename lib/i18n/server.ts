import 'server-only';
import { headers } from 'next/headers';
import { isLocale, LOCALE_HEADER, negotiateLocale, type Locale } from './locales';
import type { Namespace } from './messages';
import { translatorFor } from './translate';

/** A translator for server code (page titles, Open Graph text, the preview image). */
export function translator<N extends Namespace>(locale: Locale, namespace: N) {
  return translatorFor(locale, namespace);
}

/** The language of the page being rendered, as the proxy resolved it (the link's `lang`, else the browser's). */
export async function pageLocale(): Promise<Locale> {
  const list = await headers();
  const resolved = list.get(LOCALE_HEADER);
  return isLocale(resolved) ? resolved : negotiateLocale(list.get('accept-language'));
}
