// The server Playwright tests run against: a production build on a throwaway embedded
// PostgreSQL with a small deterministic demo world. Refuses any non-local DATABASE_URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { ensureAppRole } from '../lib/server/db/ensure-app-role';
import {
  E2E_ALERTMANAGER_TOKEN,
  E2E_DEMO,
  E2E_STRIPE_WEBHOOK_SECRET,
  fakeStripePortFor,
  gatewayPortFor,
} from '../e2e/fixtures/e2e-world';
import { FakeStripeServer } from '../tests/fixtures/fake-stripe-server';
import { FakeStripeBilling } from '../tests/fixtures/fake-stripe-billing';
import { addFakeStripeControl } from '../tests/fixtures/fake-stripe-control';
import { addFakeCatalogControl, withCatalog } from '../tests/fixtures/fake-stripe-catalog';
import { startSmtpSink } from '../tests/email/smtp-sink';

const port = process.env.E2E_PORT ?? '3100';
const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');

if (process.env.DATABASE_URL) {
  const host = new URL(process.env.DATABASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`E2E refuses a non-local database (${host}).`);
}
if (!existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-e2e-'));
const db = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'pg'),
  port: 56000 + Math.floor(Math.random() * 900),
  persistent: false,
});
await migrateDatabase(db.url);
process.env.DATABASE_URL = db.url;
const { getDb, getPool } = await import('../lib/db');
const { seedDemoData } = await import('../prisma/seed/seed-demo-data');
await seedDemoData(getDb(), E2E_DEMO);
await (await import('../prisma/seed/score-demo-customers')).scoreDemoCustomers(getDb());
await getDb().$disconnect();
await getPool().end();
// The server runs as the restricted app role, as production should (migrations ran as the owner).
const appUrl = await ensureAppRole(db.url, 'tollgate_app', 'e2e-app-role-password');

// Approved actions execute against a local fake Stripe (the real SDK, real HTTP); specs read what
// it applied through its control endpoints.
const fakeStripe = await new FakeStripeServer().start(fakeStripePortFor(Number(port)));
// The catalog's list endpoints first, so the billing fake's own credit-note reads take precedence.
addFakeCatalogControl(withCatalog(fakeStripe), fakeStripe);
addFakeStripeControl(fakeStripe, new FakeStripeBilling(fakeStripe));

// Approved e-mails go over real SMTP to a local smtp-server (the one the Vitest e-mail suites use).
const smtp = await startSmtpSink();

const child = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: appUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // Webhook specs sign events with this secret. With a key, webhook handlers re-fetch objects
    // and approved actions execute through the fake Stripe above.
    STRIPE_WEBHOOK_SECRETS: E2E_STRIPE_WEBHOOK_SECRET,
    ALERTMANAGER_WEBHOOK_TOKEN: E2E_ALERTMANAGER_TOKEN,
    STRIPE_SECRET_KEY: 'sk_test_e2e_fake',
    STRIPE_API_BASE: fakeStripe.url,
    EXECUTOR_POLL_MS: '250',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    // Integration secrets are sealed with it (required in production).
    TOLLGATE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // Anchors belong to this throwaway database, not to the checkout's own .data (npm run dev).
    AUDIT_ANCHOR_FILE: path.join(dir, 'audit-anchors.jsonl'),
  },
});
// The gateway process (npm run gateway) on the same database: API specs run against both.
const gateway = spawn(process.execPath, ['--import', 'tsx', 'scripts/gateway.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: appUrl,
    GATEWAY_PORT: String(gatewayPortFor(Number(port))),
    GATEWAY_HOST: '127.0.0.1',
    NODE_ENV: 'production',
  },
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const c of [child, gateway]) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    c.kill('SIGTERM');
    await new Promise((r) => c.once('exit', r));
  }
  await fakeStripe.close().catch(() => {});
  await smtp.close().catch(() => {});
  await db.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
child.on('exit', () => void stop());
gateway.on('exit', () => void stop());
