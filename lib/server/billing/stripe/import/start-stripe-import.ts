import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { conflict, notFound } from '@/lib/errors';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import type { SyncedPlatform } from '../stripe-handler-context';
import { IMPORT_STEPS } from './import-steps';
import { IMPORT_STALE_SECONDS } from './claim-stripe-import';
import { stripeImportJob } from './stripe-import-job';

/**
 * An import of the platform in flight (queued, or running with a live heartbeat): a second one
 * would only race it. Stripe's and Chargebee's imports share the table and run side by side.
 */
export async function activeImport(platform: SyncedPlatform): Promise<string | null> {
  const stale = new Date(clock.nowMs() - IMPORT_STALE_SECONDS * 1000);
  const run = await getDb().stripeImportRun.findFirst({
    where: { platform, OR: [{ status: 'queued' }, { status: 'running', heartbeatAt: { gte: stale } }] },
    select: { id: true },
  });
  return run?.id ?? null;
}

/** Creates an import run with one step per object type, audited; the caller runs or enqueues it. */
export async function createStripeImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  const active = await activeImport('stripe');
  if (active) throw conflict('import_in_progress', `Import ${active} is still running; wait for it or resume it`);
  return getDb().$transaction(async (tx) => {
    const run = await tx.stripeImportRun.create({
      data: {
        sinceMonths: months,
        requestedBy: actor.type === 'user' ? actor.id : (actor.id ?? 'system'),
        steps: { create: IMPORT_STEPS.map((step, position) => ({ objectType: step.type, position })) },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'stripe_import.started',
      target: { type: 'stripe_import_run', id: run.id },
      requestId,
      after: { months },
    });
    return run.id;
  });
}

// The console's "Import from Stripe": a new run, worked by the 'stripe.import' job on a worker.
export async function startStripeImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  const id = await createStripeImport(actor, months, requestId);
  await enqueueJob(stripeImportJob, { runId: id }, { singletonKey: id });
  return id;
}

// "Resume": a failed or stalled run goes back to the queue and continues from its checkpoint.
export async function resumeStripeImport(runId: string): Promise<void> {
  const run = await getDb().stripeImportRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw notFound('Import');
  if (run.status === 'succeeded') throw conflict('import_finished', 'This import has finished; start a new one');
  await enqueueJob(stripeImportJob, { runId }, { singletonKey: runId });
}
