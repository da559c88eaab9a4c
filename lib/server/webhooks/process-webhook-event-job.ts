import { defineJob } from '@/lib/server/jobs/job-definition';
import { processWebhookEventPayload } from '@/lib/schemas/webhooks';
import { processWebhookEvent } from './process-webhook-event';

export const PROCESS_WEBHOOK_EVENT_JOB = 'webhooks.process-event';

// One attempt per job: a failure is recorded on the inbox row with its next attempt time and the
// sweep enqueues it when due (retry-schedule.ts), so the queue's own retries (short, pg-boss
// backoff) only serve jobs that found the event busy.
export const processWebhookEventJob = defineJob({
  name: PROCESS_WEBHOOK_EVENT_JOB,
  payloadSchema: processWebhookEventPayload,
  retryLimit: 5,
  retryDelaySeconds: 5,
  // pg-boss polls once a second per slot: 4 slots ≈ 4 events/s even when every slot is idle-waiting.
  concurrency: 4,
  handler: async ({ inboxId }) => {
    await processWebhookEvent(inboxId);
  },
});
