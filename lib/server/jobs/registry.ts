import type { JobDefinition } from './job-definition';
import { pruneSignInAttemptsJob } from './prune-sign-in-attempts';
import { expireActionsJob } from './expire-actions-job';
import { auditAnchorJob } from './audit-anchor-job';
import { processWebhookEventJob } from '@/lib/server/webhooks/process-webhook-event-job';
import { sweepWebhookInboxJob } from '@/lib/server/webhooks/sweep-webhook-inbox-job';
import { invoiceExplainerJob } from '@/lib/server/agents/invoice-explainer/invoice-explainer-agent';
import { usageAnalystJob } from '@/lib/server/agents/usage-analyst/usage-analyst-job';

// Every job the worker knows. A new job: one file with defineJob(), one line here.
export const JOBS: JobDefinition[] = [
  pruneSignInAttemptsJob,
  expireActionsJob,
  auditAnchorJob,
  processWebhookEventJob,
  sweepWebhookInboxJob,
  invoiceExplainerJob,
  usageAnalystJob,
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
