import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { pageLocale } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Belt and Road S&T graph explorer', template: '%s · Belt and Road S&T graph' },
  description: 'Explore the 1st Belt and Road Conference on Science and Technology Exchange (Chongqing, 2023): who, what, where, and the source behind every fact.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Cytoscape adds this one rule as an inline <style> unless an element with this id exists; shipping
// it here, with the request's CSP nonce (proxy.ts), keeps the policy free of 'unsafe-inline'.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
const CYTOSCAPE_RULE = '.__________cytoscape_container { position: relative; }';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang={await pageLocale()}>
      <head>
        <style id={CYTOSCAPE_STYLESHEET_ID} nonce={nonce}>{CYTOSCAPE_RULE}</style>
      </head>
      <body>{children}</body>
    </html>
  );
}
