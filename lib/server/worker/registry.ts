import type { JobDefinition } from '@/lib/server/jobs/job-definition';
import { pruneSignInAttemptsJob } from '@/lib/auth/prune-sign-in-attempts';
import { expireActionsJob } from '@/lib/server/actions/expire-actions-job';
import { auditAnchorJob } from '@/lib/server/audit/audit-anchor-job';
import { processWebhookEventJob } from '@/lib/server/webhooks/process-webhook-event-job';
import { sweepWebhookInboxJob } from '@/lib/server/webhooks/sweep-webhook-inbox-job';
import { agentJobs } from '@/lib/server/agents/agent-triggers';
import { stripeImportJob } from '@/lib/server/billing/stripe/import/stripe-import-job';
import { chargebeeImportJob } from '@/lib/server/billing/chargebee/import/chargebee-import-job';
import { recurlyImportJob } from '@/lib/server/billing/recurly/import/recurly-import-job';
import { autonomyDigestJob } from '@/lib/server/actions/autonomy/autonomy-digest-job';

// Every job the worker knows. A new job: one file with defineJob(), one line here. Agents come
// from their own registry (lib/server/agents/registry.ts): one queue each.
export const JOBS: JobDefinition[] = [
  pruneSignInAttemptsJob,
  expireActionsJob,
  auditAnchorJob,
  processWebhookEventJob,
  sweepWebhookInboxJob,
  stripeImportJob,
  chargebeeImportJob,
  recurlyImportJob,
  autonomyDigestJob,
  ...agentJobs(),
];
