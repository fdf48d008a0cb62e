'use client';

import { useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

const SHORT: Record<Locale, string> = { en: 'EN', ru: 'RU', zh: '中文' };

/** The address of the same view in another language: the current link with its `lang` replaced. */
function withLanguage(href: string, locale: Locale): string {
  const url = new URL(href);
  url.searchParams.set('lang', locale);
  return url.toString();
}

/**
 * The interface language, in the header: a small disclosure menu of links, one per language, each
 * named in its own language. Choosing one loads the same view (the URL is the view: viewport
 * included) with another `lang`, a full page load that brings that language's messages only.
 */
export function LanguageSwitcher({ currentUrl }: { currentUrl: () => string }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);
  const close = (focusSummary: boolean) => {
    setOpen(false);
    if (focusSummary) ref.current?.querySelector('summary')?.focus();
  };
  return (
    <details ref={ref} className="lang-switch" open={open}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) setBase(window.location.href);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close(true);
        }
      }}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
      }}>
      {/* The name starts with the code it shows (WCAG 2.5.3); the 文A mark is drawn by CSS, with no text of its own. */}
      <summary aria-label={`${SHORT[locale]} · ${t('languageMenu', { current: LOCALE_NAMES[locale] })}`}>
        <span className="lang-icon" />
        <span aria-hidden="true">{SHORT[locale]}</span>
      </summary>
      <ul className="lang-menu" aria-label={t('language')}>
        {LOCALES.map((other) => (
          <li key={other}>
            <a href={base ? withLanguage(base, other) : `?lang=${other}`} hrefLang={other} lang={other}
              aria-current={other === locale ? 'true' : undefined}
              title={other === locale ? undefined : t('languageSwitch', { language: LOCALE_NAMES[other] })}
              onClick={(event) => {
                event.preventDefault();
                if (other === locale) return close(true);
                // The view as it is this instant (viewport included), in the other language.
                window.location.assign(withLanguage(currentUrl(), other));
              }}>
              {LOCALE_NAMES[other]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
