import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

/**
 * The Content-Security-Policy (nonce-based, set by proxy.ts) must let the app's own scripts and
 * styles through: every violation the browser reports while exploring is a failure.
 */
test('exploring under the nonce-based CSP reports no violation', async ({ page, explorer }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  const collect = async () => {
    violations.push(...await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []));
  };

  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await explorer.waitForGraph();

  await explorer.search('Чунцин', /Chongqing/);
  await explorer.doubleClickNode(SEED.conference);
  await expect.poll(() => explorer.graph.nodeIds()).toContain(SEED.ministry);
  await explorer.clickNode(SEED.ministry);
  await expect(explorer.details.getByRole('heading', { level: 2 })).toContainText('Ministry of Science and Technology');
  await collect();

  await page.goto(`/node/${encodeURIComponent(SEED.yinHejun)}`);
  await explorer.waitForGraph();
  await explorer.history('back');
  await collect();

  expect(violations).toEqual([]);
});

test('a forged X-Forwarded-Host never reaches the share image URL', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-Host': 'evil.example' });
  await page.goto('/');
  const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
  expect(image).not.toContain('evil.example');
  expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/preview\?/);
});
