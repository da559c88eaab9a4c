import { defineJob } from '@/lib/server/jobs/job-definition';
import { usageAnalystAgent } from './usage-analyst';

export const USAGE_ANALYST_JOB = 'agents.usage-analyst';

// Hourly, a few minutes past the hour (after the hour's rollups have settled); ingest enqueues
// per-customer runs in between (enqueueUsageAnalysis). Retries are safe: decisions are idempotent.
export const usageAnalystJob = defineJob({
  name: USAGE_ANALYST_JOB,
  payloadSchema: usageAnalystAgent.payloadSchema,
  cron: '7 * * * *',
  retryLimit: 3,
  retryDelaySeconds: 30,
  handler: usageAnalystAgent.handler,
});
