import type { JobDefinition } from './job-definition';
import { pruneSignInAttemptsJob } from './prune-sign-in-attempts';
import { expireActionsJob } from './expire-actions-job';
import { auditAnchorJob } from './audit-anchor-job';
import { processStripeEventJob } from '@/lib/server/webhooks/process-stripe-event-job';
import { sweepStripeInboxJob } from '@/lib/server/webhooks/sweep-stripe-inbox-job';
import { invoiceExplainerJob } from '@/lib/server/agents/invoice-explainer/invoice-explainer-agent';
import { usageAnalystJob } from '@/lib/server/agents/usage-analyst/usage-analyst-job';

// Every job the worker knows. A new job: one file with defineJob(), one line here.
export const JOBS: JobDefinition[] = [
  pruneSignInAttemptsJob,
  expireActionsJob,
  auditAnchorJob,
  processStripeEventJob,
  sweepStripeInboxJob,
  invoiceExplainerJob,
  usageAnalystJob,
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
