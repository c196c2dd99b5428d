import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/chromium.ts';

// Another port lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4174);

/** Browser tests run against the production build, in Debian's Chromium (no downloaded browser). */
export default defineConfig({
  testDir: '../tests/e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // 'list' repeats each failure, with its error, at the end of the run, where a CI log's tail shows it.
  reporter: 'list',
  // The machine may be shared and busy: a wait that passes at once on an idle one may take many seconds there.
  // Longer limits cost a passing test nothing.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    // Installing the service worker fetches the whole offline copy in every new context: only the tests of
    // offline use, updates and what the page requests need it (they say so with test.use).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
