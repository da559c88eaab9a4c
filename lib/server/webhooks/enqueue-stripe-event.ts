import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { processStripeEventJob } from './process-stripe-event-job';

// Queues processing for an inbox row. Never throws: the row is already committed, and the sweep
// re-enqueues rows left in 'received', so a queue outage delays an event but never loses it.
// singletonKey = the inbox id, so pg-boss can collapse a repeated send while one is queued.
export async function enqueueStripeEvent(inboxId: string): Promise<boolean> {
  try {
    const jobId = await enqueueJob(processStripeEventJob, { inboxId }, { singletonKey: inboxId });
    return jobId !== null;
  } catch (err) {
    console.error(`[webhooks] could not enqueue event ${inboxId}; the sweep will retry:`, (err as Error).message);
    return false;
  }
}
