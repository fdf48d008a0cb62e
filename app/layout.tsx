import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Belt and Road S&T graph explorer', template: '%s · Belt and Road S&T graph' },
  description: 'Explore the 1st Belt and Road Conference on Science and Technology Exchange (Chongqing, 2023): who, what, where, and the source behind every fact.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
