import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/server/audit/append-audit-event';
import { createPlatformImport } from '@/lib/server/billing/stripe/import/create-platform-import';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { recurlyImportJob } from './recurly-import-job';
import { RECURLY_IMPORT_STEPS } from './recurly-import-steps';

/** Creates a Recurly import run with one step per list, audited; the caller runs or enqueues it. */
export function createRecurlyImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  return createPlatformImport('recurly', RECURLY_IMPORT_STEPS, actor, months, requestId);
}

// "Import from Recurly": a new run, worked by the 'recurly.import' job.
export async function startRecurlyImport(actor: Actor, months: number, requestId?: string): Promise<string> {
  const id = await createRecurlyImport(actor, months, requestId);
  await enqueueJob(recurlyImportJob, { runId: id }, { singletonKey: id });
  return id;
}

// "Resume": a failed or stalled Recurly run goes back to the queue and continues from its checkpoint.
export async function resumeRecurlyImport(runId: string): Promise<void> {
  const run = await getDb().stripeImportRun.findUnique({
    where: { id: runId, platform: 'recurly' },
    select: { status: true },
  });
  if (!run) throw notFound('Import');
  if (run.status === 'succeeded') throw conflict('import_finished', 'This import has finished; start a new one');
  await enqueueJob(recurlyImportJob, { runId }, { singletonKey: runId });
}
