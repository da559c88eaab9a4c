import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { processWebhookEventJob } from './process-webhook-event-job';

// Queues processing for an inbox row. Never throws: the row is already committed and carries its
// next_attempt_at, so the sweep enqueues it later — a queue outage delays an event, never loses it.
// singletonKey = the inbox id, so pg-boss can collapse a repeated send while one is queued.
export async function enqueueWebhookEvent(inboxId: string): Promise<boolean> {
  try {
    const jobId = await enqueueJob(processWebhookEventJob, { inboxId }, { singletonKey: inboxId });
    return jobId !== null;
  } catch (err) {
    console.error(`[webhooks] could not enqueue event ${inboxId}; the sweep will retry:`, (err as Error).message);
    return false;
  }
}
