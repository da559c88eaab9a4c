import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { sweepStripeInbox } from './sweep-stripe-inbox';

// Every minute: re-enqueue inbox events that were stored but never got (or lost) their job.
export const sweepStripeInboxJob = defineJob({
  name: 'webhooks.sweep-stripe-inbox',
  payloadSchema: z.object({}).passthrough(),
  cron: '* * * * *',
  retryLimit: 1,
  handler: async () => {
    await sweepStripeInbox();
  },
});
