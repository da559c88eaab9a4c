import { z } from 'zod';
import { runUsageAnalysis } from './run-usage-analysis';
import { USAGE_ANALYST_ID, USAGE_ANALYST_VERSION } from './usage-analyst-identity';

export const usageAnalystPayload = z.object({
  /** Absent: every active subscription (the hourly cron and the start-up run). */
  customerIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
  trigger: z.enum(['schedule', 'ingest', 'startup', 'manual']).default('schedule'),
  /** Replay / test: analyse as of this instant instead of now. */
  asOf: z.iso.datetime({ offset: true }).optional(),
});
export type UsageAnalystPayload = z.input<typeof usageAnalystPayload>;

// The Usage Analyst (conventions 7): per active subscription and metered limit it reads
// utilisation, the forecast to period end with its 80 % band and crossing date, and the anomaly
// state of the hourly usage; fires tier thresholds once per period; drafts an upgrade and an
// e-mail for organic growth, a review (and for runaway usage a Slack alert) for anomalies —
// through proposeAction, so policies apply — and writes an AgentRun for every change it decides.
export const usageAnalystAgent = {
  id: USAGE_ANALYST_ID,
  version: USAGE_ANALYST_VERSION,
  payloadSchema: usageAnalystPayload,
  handler: async (payload: z.infer<typeof usageAnalystPayload>, meta: { jobId: string; attempt: number }) => {
    await runUsageAnalysis({
      customerIds: payload.customerIds,
      trigger: { type: payload.trigger, ref: `jobs:${meta.jobId}` },
      asOf: payload.asOf ? new Date(payload.asOf) : undefined,
    });
  },
};
