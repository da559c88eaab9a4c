import { z } from 'zod';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { runStripeImport } from './run-stripe-import';

export const STRIPE_IMPORT_JOB = 'stripe.import';

// One import at a time per worker. A failure keeps the checkpoint and pg-boss retries the job,
// which resumes from it; an import that is running elsewhere answers 'busy' and the job ends.
export const stripeImportJob = defineJob({
  name: STRIPE_IMPORT_JOB,
  payloadSchema: z.object({ runId: z.string().min(1) }),
  retryLimit: 3,
  retryDelaySeconds: 30,
  concurrency: 1,
  handler: async ({ runId }) => {
    await runStripeImport(runId);
  },
});
