import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * WCAG 2.0-2.2 A and AA as axe-core checks them, plus two rules it leaves out by default that the
 * app keeps to: an accessible name starts with the visible text (2.5.3), and a page has one h1.
 * Returns the serious and critical violations, each with where it was found.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true }, 'page-has-heading-one': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'label-content-name-mismatch' || v.id === 'page-has-heading-one')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
