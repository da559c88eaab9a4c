import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// E2E runs against a production build (`next build`) served by scripts/e2e-server.ts on its own
// throwaway embedded PostgreSQL. Debian's chromium is used when present (no browser download on
// machines without internet); elsewhere Playwright's own browser (`npx playwright install`).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Report, artefact and build folders can be moved so parallel checkouts do not collide.
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/playwright.json' }]],
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: { baseURL: BASE_URL, launchOptions, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'api', testDir: 'e2e/api', dependencies: ['setup'] },
    { name: 'ui', testDir: 'e2e/ui', dependencies: ['setup'], use: { viewport: { width: 1400, height: 900 } } },
  ],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `${BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(PORT), ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}) },
  },
});
