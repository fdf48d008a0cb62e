import { chromium, type Page } from '@playwright/test';
import { hubViewPath } from '../scripts/hub-view';

/**
 * `npm run bench:labels -- [baseUrl ...]`: how many entity names a reader sees, and how many are cut
 * by the canvas's edge or hidden under the legend or the panel, on the seed's views at 1280x800 and
 * 390x844. Give two running apps (say, before and after a change) to see them side by side. Reads
 * Cytoscape's own state in the page, so any production build works (default http://localhost:3000).
 */
const bases = process.argv.slice(2).filter((a) => a !== '--');
if (bases.length === 0) bases.push('http://localhost:3000');
const CHROMIUM = process.env.CHROMIUM_PATH ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);

/** Names shown, and those cut or covered: counted once the canvas has stopped moving and relabelling. */
async function count(page: Page): Promise<{ entities: number; labels: number; cut: number }> {
  const read = () => page.evaluate(() => {
    const host = [...document.querySelectorAll('[data-testid="graph-canvas"], [data-testid="graph-canvas"] *')]
      .find((el) => (el as unknown as { _cyreg?: { cy?: unknown } })._cyreg?.cy) as unknown as { _cyreg: { cy: import('cytoscape').Core } } | undefined;
    if (!host) return null;
    const cy = host._cyreg.cy;
    if (cy.animated() || cy.nodes().some((n) => (n as unknown as { animated(): boolean }).animated())) return null;
    const box = (host as unknown as HTMLElement).getBoundingClientRect();
    const covers = [...document.querySelectorAll('[data-overlay]')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const nodes = cy.nodes(':visible').filter((n) => !n.hasClass('background'));
    const labels = nodes.filter((n) => String(n.style('label') ?? '') !== '' && Number(n.style('text-opacity')) > 0).map((n) => {
      const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2 };
    }).filter((b) => b.x2 > b.x1);
    const cut = labels.filter((l) => l.x1 < box.left || l.x2 > box.right || l.y1 < box.top || l.y2 > box.bottom
      || covers.some((r) => l.x1 < r.right && r.left < l.x2 && l.y1 < r.bottom && r.top < l.y2)).length;
    return { entities: nodes.length, labels: labels.length, cut };
  });
  // Settled: the same answer twice, half a second apart (labels are placed after the last frame).
  let last = '';
  for (let i = 0; i < 60; i++) {
    const now = await read();
    if (now && JSON.stringify(now) === last) return now;
    last = now ? JSON.stringify(now) : '';
    await page.waitForTimeout(500);
  }
  throw new Error(`the canvas did not settle at ${page.url()}`);
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const views = [['starting view', '/'], ['starting view, Russian', '/?lang=ru'], ['the initiative expanded in full', await hubViewPath(bases[0]!)], ['Yin Hejun\'s page', '/node/person:yin-hejun']] as const;
  const screens = [['1280x800', { width: 1280, height: 800 }, false], ['390x844', { width: 390, height: 844 }, true]] as const;
  console.log(`| view | screen | entities | ${bases.map((b) => `names shown (cut or covered) at ${b}`).join(' | ')} |`);
  console.log(`|---|---|---|${bases.map(() => '---|').join('')}`);
  for (const [name, path] of views) {
    for (const [screen, viewport, mobile] of screens) {
      const cells: string[] = [];
      let entities = 0;
      for (const base of bases) {
        const page = await browser.newPage({ viewport, isMobile: mobile, hasTouch: mobile });
        await page.goto(base + path);
        await page.waitForLoadState('networkidle');
        const result = await count(page);
        entities = result.entities;
        cells.push(`${result.labels} (${result.cut})`);
        await page.close();
      }
      console.log(`| ${name} | ${screen} | ${entities} | ${cells.join(' | ')} |`);
    }
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
