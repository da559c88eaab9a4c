import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests (pure logic) and integration tests (real PostgreSQL) share one config; the global
// setup (run once, for both projects) starts a throwaway embedded PostgreSQL unless DATABASE_URL
// points at one. The usage and entitlement specs run twice: against the Next route handlers and
// against the gateway (project "gateway", TEST_TRANSPORT=gateway) — one implementation, two
// transports.
const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };
const common = { testTimeout: 30_000, hookTimeout: 120_000, pool: 'forks' as const, fileParallelism: false };

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ['tests/global-setup.ts'],
    ...common,
    projects: [
      {
        resolve: { alias },
        test: {
          ...common,
          name: 'app',
          include: ['lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          ...common,
          name: 'gateway',
          include: ['tests/ingest/**/*.test.ts', 'tests/entitlements/**/*.test.ts'],
          env: { TEST_TRANSPORT: 'gateway' },
        },
      },
    ],
  },
});
