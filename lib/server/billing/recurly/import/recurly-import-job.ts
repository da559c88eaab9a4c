import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { runRecurlyImport } from './run-recurly-import';

// One Recurly import at a time per worker; a failure keeps the checkpoint and the retry resumes.
export const recurlyImportJob = defineJob({
  name: 'recurly.import',
  payloadSchema: z.object({ runId: z.string().min(1) }),
  retryLimit: 3,
  retryDelaySeconds: 30,
  concurrency: 1,
  handler: async ({ runId }) => {
    await runRecurlyImport(runId);
  },
});
