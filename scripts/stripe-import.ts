// npm run stripe:import [-- --months 12] [--new]
// Imports the Stripe catalog and history into Tollgate with the key the app resolves
// (STRIPE_SECRET_KEY, else the key stored in Settings → Billing platform), printing a progress
// line per page and a last-line JSON summary. An unfinished import (failed, or whose worker died)
// is resumed from its checkpoint unless --new is given.
import { parseArgs } from 'node:util';
import { openLocalDatabase } from './lib/local-database';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { appRoleUrl } from './lib/prepare-database';

const { values } = parseArgs({
  options: { months: { type: 'string', default: '12' }, new: { type: 'boolean', default: false } },
});
const months = Number(values.months);
if (!Number.isInteger(months) || months < 1 || months > 120) {
  console.error('--months must be a whole number from 1 to 120');
  process.exit(2);
}

const db = await openLocalDatabase();
if (db.source !== 'external') await migrateDatabase(db.url);
process.env.DATABASE_URL = await appRoleUrl(db.url);
const { getDb, getPool } = await import('../lib/db');
const { createStripeImport } = await import('../lib/server/billing/stripe/import/start-stripe-import');
const { runStripeImport } = await import('../lib/server/billing/stripe/import/run-stripe-import');
const { getStripeImport } = await import('../lib/server/billing/stripe/import/get-stripe-import');
const { resolveStripeClient } = await import('../lib/server/billing/stripe/resolve-stripe-client');

// Without a key there is nothing to import or resume: say so once, and record no failed run.
if (!(await resolveStripeClient())) {
  console.error(
    'Not connected to Stripe: set STRIPE_SECRET_KEY or store a key in Settings → Billing platform, then run this again',
  );
  await getPool().end();
  await db.stop();
  process.exit(1);
}

const unfinished = values.new
  ? null
  : await getDb().stripeImportRun.findFirst({
      where: { platform: 'stripe', status: { in: ['queued', 'running', 'failed'] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
const runId = unfinished?.id ?? (await createStripeImport({ type: 'system', id: 'cli' }, months));
console.log(unfinished ? `resuming import ${runId} from its checkpoint` : `import ${runId}: last ${months} months`);
const started = Date.now();
let exitCode = 0;
try {
  const outcome = await runStripeImport(runId, {
    backoff: { onRetry: ({ attempt, waitMs, reason }) => console.log(`  ${reason}: retry ${attempt} in ${waitMs} ms`) },
    onPage: ({ type, done, total, errors }) => {
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      console.log(
        `${type.padEnd(14)} ${String(done).padStart(7)}${total !== null ? ` / ${total}` : ''}  errors ${errors}  ${rate.toFixed(1)}/s`,
      );
    },
  });
  if (outcome === 'busy') {
    console.error(`import ${runId} is running in another process (its heartbeat is fresh); not started`);
    exitCode = 1;
  }
} catch (err) {
  console.error(`import failed: ${(err as Error).message} — run again to resume from the checkpoint`);
  exitCode = 1;
}
const view = await getStripeImport(runId);
for (const e of view?.recentErrors.slice(0, 10) ?? []) console.log(`  ! ${e.objectType} ${e.objectId}: ${e.message}`);
console.log(
  JSON.stringify({
    runId,
    status: view?.status,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    steps: Object.fromEntries((view?.steps ?? []).map((s) => [s.type, { done: s.done, errors: s.errors }])),
  }),
);
await getDb().$disconnect();
await getPool().end();
await db.stop();
process.exit(exitCode);
