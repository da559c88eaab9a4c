import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/server/audit/append-audit-event';
import { createPlatformImport } from '@/lib/server/billing/stripe/import/create-platform-import';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { chargebeeImportJob } from './chargebee-import-job';
import { CHARGEBEE_IMPORT_STEPS } from './chargebee-import-steps';

/** Creates a Chargebee import run with one step per list, audited; the caller runs or enqueues it. */
export function createChargebeeImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  return createPlatformImport('chargebee', CHARGEBEE_IMPORT_STEPS, actor, months, requestId);
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
