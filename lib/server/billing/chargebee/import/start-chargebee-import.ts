import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import { activeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { chargebeeImportJob } from './chargebee-import-job';
import { CHARGEBEE_IMPORT_STEPS } from './chargebee-import-steps';

/** Creates a Chargebee import run with one step per list, audited; the caller runs or enqueues it. */
export async function createChargebeeImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  const active = await activeImport('chargebee');
  if (active) throw conflict('import_in_progress', `Import ${active} is still running; wait for it or resume it`);
  return getDb().$transaction(async (tx) => {
    const run = await tx.stripeImportRun.create({
      data: {
        platform: 'chargebee',
        sinceMonths: months,
        requestedBy: actor.type === 'user' ? actor.id : (actor.id ?? 'system'),
        steps: { create: CHARGEBEE_IMPORT_STEPS.map((step, position) => ({ objectType: step.type, position })) },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'chargebee_import.started',
      target: { type: 'stripe_import_run', id: run.id },
      requestId,
      after: { months },
    });
    return run.id;
  });
}

// The console's "Import from Chargebee": a new run, worked by the 'chargebee.import' job.
export async function startChargebeeImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  const id = await createChargebeeImport(actor, months, requestId);
  await enqueueJob(chargebeeImportJob, { runId: id }, { singletonKey: id });
  return id;
}

// "Resume": a failed or stalled Chargebee run goes back to the queue and continues from its checkpoint.
export async function resumeChargebeeImport(runId: string): Promise<void> {
  const run = await getDb().stripeImportRun.findUnique({
    where: { id: runId, platform: 'chargebee' },
    select: { status: true },
  });
  if (!run) throw notFound('Import');
  if (run.status === 'succeeded') throw conflict('import_finished', 'This import has finished; start a new one');
  await enqueueJob(chargebeeImportJob, { runId }, { singletonKey: runId });
}
