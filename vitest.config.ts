import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests (pure logic) and integration tests (real PostgreSQL) share one config; the global
// setup starts a throwaway embedded PostgreSQL unless DATABASE_URL points at one.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
