import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { invoiceExplainerJob } from '@/lib/server/agents/invoice-explainer/invoice-explainer-agent';

// Queues an explanation of an invoice (webhook handlers call this on invoice.created and
// invoice.finalized). `invoiceId` may be Tollgate's id or the billing platform's (in_…). Never
// throws — a queue outage must not roll back the handler's transaction; it returns false and the
// invoice can still be explained on demand. The job is idempotent per (invoice, trigger, sourceRef);
// the short delay lets the caller's transaction commit first, and the job retries until it has
// (pass sourceRef `webhook_events:<inbox id>` so it also waits for an update of an existing invoice).
export async function enqueueInvoiceExplanation(
  invoiceId: string,
  trigger: string,
  options: { sourceRef?: string | null } = {},
): Promise<boolean> {
  try {
    const jobId = await enqueueJob(
      invoiceExplainerJob,
      { invoiceId, trigger, sourceRef: options.sourceRef ?? null },
      { singletonKey: `${invoiceId}:${trigger}`, startAfterSeconds: 2 },
    );
    return jobId !== null;
  } catch (err) {
    console.error(`[invoices] could not enqueue an explanation of ${invoiceId} (${trigger}):`, (err as Error).message);
    return false;
  }
}
