import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

/**
 * `npx tsx scripts/screenshots.ts [baseUrl] [outDir] [suffix]`: screenshots of the seed's
 * Belt and Road Initiative hub, expanded in full, on a desktop and a phone viewport (docs/).
 */
const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.resolve(process.argv[3] ?? 'docs');
const suffix = process.argv[4] ?? 'after';
const HUB = 'initiative:bri';

async function hubUrl(): Promise<string> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await (await fetch(`${base}/api/nodes/${encodeURIComponent(HUB)}/neighbors?limit=200&offset=${offset}`)).json() as { nodes: { id: string }[]; total: number };
    ids.push(...page.nodes.map((n) => n.id).filter((id) => id !== HUB));
    if (offset + 200 >= page.total) break;
  }
  return `${base}/?v=1&n=${encodeURIComponent(HUB)}~${ids.map((id) => encodeURIComponent(id).replace(/%3A/g, ':')).join(';')}&s=${encodeURIComponent(HUB)}`;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-quic'] });
  const url = process.argv[5] ?? await hubUrl();
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
