import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { sendAutonomyDigest } from './send-autonomy-digest';

// Mondays 08:00 UTC: the week's autonomy digest (one per week across workers: pg-boss cron slot
// plus the week-keyed outbox idempotency key).
export const autonomyDigestJob = defineJob({
  name: 'autonomy.digest',
  payloadSchema: z.object({}).passthrough(),
  cron: '0 8 * * 1',
  handler: async () => {
    await sendAutonomyDigest();
  },
});
