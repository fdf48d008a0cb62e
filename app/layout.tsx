import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { LocaleProvider } from '@/components/i18n/locale-provider';
import { getDataset } from '@/lib/db/dataset';
import { messagesFor } from '@/lib/i18n/messages';
import { pageLocale, translator } from '@/lib/i18n/server';
import './globals.css';
import './stories.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await pageLocale(), 'share');
  // The seed's own title; another database's name (APP_TITLE or the database's) otherwise.
  const { title } = await getDataset();
  if (title) return { title: { default: title, template: `%s · ${title}` } };
  return {
    title: { default: t('title'), template: t('titleTemplate', { title: '%s' }) },
    description: t('siteDescription'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Cytoscape adds this one rule as an inline <style> unless an element with this id exists; shipping
// it here, with the request's CSP nonce (proxy.ts), keeps the policy free of 'unsafe-inline'.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
const CYTOSCAPE_RULE = '.__________cytoscape_container { position: relative; }';

/** Every page speaks the language the proxy resolved (the link's `lang`, else the browser's): its messages only. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await pageLocale();
  return (
    <html lang={locale === 'zh' ? 'zh-Hans' : locale}>
      <head>
        <style id={CYTOSCAPE_STYLESHEET_ID} nonce={nonce}>{CYTOSCAPE_RULE}</style>
      </head>
      <body>
        <LocaleProvider locale={locale} messages={messagesFor(locale)}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
