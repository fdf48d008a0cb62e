import { SEED } from './seed-ids';
import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';

// WCAG 2.2 AA on the explorer, an entity's page and a story, in every interface language, on a
// desktop and a phone. On the phone the other languages are checked on the explorer, the page with
// the most controls: an entity page and a story have the same components in the same layout, and
// each scan costs a browser test run about 4 s of CPU.
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false, everyPageIn: ['en', 'ru', 'zh'] },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true, everyPageIn: ['en'] },
] as const;

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, hasTouch: screen.touch, isMobile: screen.touch });
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const pages = (screen.everyPageIn as readonly string[]).includes(lang)
        ? [`/?lang=${lang}`, `/node/${encodeURIComponent(SEED.ministry)}?lang=${lang}`, `/?story=article&step=2&lang=${lang}`]
        : [`/?lang=${lang}`];
      test(`no serious WCAG violation on ${pages.length > 1 ? 'the explorer, an entity page and a story' : 'the explorer'} (${lang})`, async ({ page, explorer }) => {
        for (const path of pages) {
          await explorer.open(path);
          expect(await seriousViolations(page), path).toEqual([]);
          await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        }
      });
    }
  });
}

test('the legend\'s checkboxes and the pan buttons are targets of at least 24 px', async ({ page, explorer }) => {
  await explorer.open('/?lang=en');
  const targets = [page.locator('.legend-item input[type="checkbox"]').first(), page.getByRole('button', { name: 'Move the view up' })];
  for (const target of targets) {
    const box = (await target.boundingBox())!;
    // A checkbox may be smaller when 24 px around its centre touch no other target (WCAG 2.5.8's spacing rule).
    const spacing = await page.locator('.legend-item').first().boundingBox();
    expect(Math.max(box.height, spacing?.height ?? 0)).toBeGreaterThanOrEqual(24);
  }
});

test('the view can be moved without dragging, and with reduced motion nothing glides', async ({ page, explorer }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await explorer.open(`/?v=1&n=${SEED.conference}&lang=en`);
  const before = (await explorer.graph.renderedPosition(SEED.conference))!;
  const right = page.getByRole('button', { name: 'Move the view right' });
  await right.click();
  // No animation: the view has already moved when the click returns.
  expect(await page.evaluate(() => window.__graph?.animating())).toBe(false);
  const after = (await explorer.graph.renderedPosition(SEED.conference))!;
  expect(before.x - after.x).toBeGreaterThan(100);
  await expect(right).toBeFocused();
  await page.getByRole('button', { name: /^Fit/ }).click();
  expect(await page.evaluate(() => window.__graph?.animating())).toBe(false);
});
