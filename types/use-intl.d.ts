import type { Locale } from '../lib/i18n/locales';
import type { Messages } from '../lib/i18n/messages';

// Typed message keys and locales for useTranslations / createTranslator.
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
