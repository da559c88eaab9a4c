import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { runChargebeeImport } from './run-chargebee-import';

// One Chargebee import at a time per worker; a failure keeps the checkpoint and the retry resumes.
export const chargebeeImportJob = defineJob({
  name: 'chargebee.import',
  payloadSchema: z.object({ runId: z.string().min(1) }),
  retryLimit: 3,
  retryDelaySeconds: 30,
  concurrency: 1,
  handler: async ({ runId }) => {
    await runChargebeeImport(runId);
  },
});
