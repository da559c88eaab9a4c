import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { sweepWebhookInbox } from './sweep-webhook-inbox';

// Every minute: enqueue inbox events whose next attempt is due (retries, lost jobs, dead workers).
export const sweepWebhookInboxJob = defineJob({
  name: 'webhooks.sweep-inbox',
  payloadSchema: z.object({}).passthrough(),
  cron: '* * * * *',
  retryLimit: 1,
  handler: async () => {
    await sweepWebhookInbox();
  },
});
