import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { testEnvironment } from './test/test-env';

// The browser tests run against a production build (`npm test` builds it with NEXT_PUBLIC_E2E=1)
// on the test database. Debian's Chromium is used when present; otherwise Playwright's own.
const env = testEnvironment();
const port = env.APP_TEST_PORT;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: '.data/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromium, args: ['--disable-quic', '--disable-gpu'] },
      },
    },
  ],
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...env, PORT: port, HOST: '127.0.0.1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
