import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { testEnvironment } from './test/test-env';

// The browser tests run against a production build (`npm test` builds it with NEXT_PUBLIC_E2E=1)
// on the test database. Debian's Chromium is used when present: its headless shell (the package
// chromium-headless-shell, what Playwright itself runs headless; about a fifth less CPU here than
// the full browser), else the full browser; otherwise Playwright's own.
// Tests run two at a time (E2E_WORKERS), each on its own page, spread over both workers whatever
// their file (a file of long tests no longer ends the run on one worker); the other-graph spec keeps
// its tests together (they share the server it starts). The specs that stop a database or load
// another graph start a Neo4j and a server of their own. The app's rate limit is off here: every
// browser comes from one address (the limiter has its own system tests).
// The pages ask for reduced motion, which the app honours (no animated layout or zoom), except two
// click-through tests (explore.spec.ts) that run with motion as most people see it: animation
// frames were a fifth of the browser's CPU (measured: 216 against 176 CPU seconds). A failed test
// runs once more with a trace recorded (.data/test-results); recording one for every test made the
// browser tests a fifth slower (4.6 against 3.7 min). A test that passes only on its second run
// still fails the run (failOnFlakyTests).
const env = testEnvironment();
const port = env.APP_TEST_PORT;
const chromium = process.env.CHROMIUM_PATH
  ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => existsSync(file));

const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: { executablePath: chromium, args: ['--disable-quic', '--disable-gpu'] },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: 1,
  failOnFlakyTests: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: '.data/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    reducedMotion: 'reduce',
  },
  projects: [{ name: 'chromium', use: browser }],
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...env, PORT: port, HOST: '127.0.0.1', RATE_LIMIT_PER_SECOND: '0' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
