import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { hubViewPath } from './hub-view';

/**
 * `npx tsx scripts/screenshots.ts [baseUrl] [outDir] [suffix]`: screenshots of the seed's
 * Belt and Road Initiative hub, expanded in full, on a desktop and a phone viewport (docs/).
 */
const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.resolve(process.argv[3] ?? 'docs');
const suffix = process.argv[4] ?? 'after';

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-quic'] });
  const url = process.argv[5] ?? `${base}${await hubViewPath(base)}`;
  for (const [name, viewport, mobile] of [['desktop', { width: 1280, height: 800 }, false], ['phone', { width: 390, height: 844 }, true]] as const) {
    const page = await browser.newPage({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('.graph-canvas canvas') !== null);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // screenshots only: let the entry animation finish
    await page.screenshot({ path: path.join(out, `hub-${name}-${suffix}.png`) });
    await page.close();
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
