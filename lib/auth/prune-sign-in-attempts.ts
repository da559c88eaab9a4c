import { z } from 'zod';
import { getDb } from '@/lib/db';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { clock } from '@/lib/clock';

// Sign-in attempts only matter inside the rate-limit window; keep a day for investigations.
export const pruneSignInAttemptsJob = defineJob({
  name: 'maintenance.prune-sign-in-attempts',
  payloadSchema: z.object({}).passthrough(),
  cron: '17 * * * *',
  handler: async () => {
    await getDb().signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(clock.nowMs() - 24 * 3600_000) } } });
  },
});
