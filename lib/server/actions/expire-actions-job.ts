import { z } from 'zod';
import { expireActions } from '@/lib/server/actions/expire-actions';
import { defineJob } from '@/lib/server/jobs/job-definition';

export const expireActionsJob = defineJob({
  name: 'actions.expire',
  payloadSchema: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async () => {
    await expireActions();
  },
});
