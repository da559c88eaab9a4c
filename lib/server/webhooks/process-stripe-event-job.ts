import { defineJob } from '@/lib/server/jobs/job-definition';
import { processWebhookEventPayload } from '@/lib/schemas/webhooks';
import { processStripeEvent } from './process-stripe-event';

export const PROCESS_STRIPE_EVENT_JOB = 'webhooks.process-stripe-event';

// The inbox row counts attempts; pg-boss retries with exponential backoff (≈5 s, 10 s, 20 s …).
// The row turns 'dead' on attempt retryLimit + 1, so the queue's own dead letter is only reached
// by jobs that kept finding the event busy — and the sweep re-enqueues those rows anyway.
export function createProcessStripeEventJob(options: { retryLimit: number; retryDelaySeconds: number }) {
  return defineJob({
    name: PROCESS_STRIPE_EVENT_JOB,
    payloadSchema: processWebhookEventPayload,
    retryLimit: options.retryLimit,
    retryDelaySeconds: options.retryDelaySeconds,
    // pg-boss polls once a second per slot: 4 slots ≈ 4 events/s even when every slot is idle-waiting.
    concurrency: 4,
    handler: async ({ inboxId }) => {
      await processStripeEvent(inboxId, { maxAttempts: options.retryLimit + 1 });
    },
  });
}

export const processStripeEventJob = createProcessStripeEventJob({ retryLimit: 5, retryDelaySeconds: 5 });
