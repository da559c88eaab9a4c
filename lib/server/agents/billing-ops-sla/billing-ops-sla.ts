import { getDb } from '@/lib/db';
import { notifyApprovedSlaCredits } from '@/lib/server/incidents/notify-approved-sla-credits';
import { defineAgent } from '../define-agent';
import { assessIncident } from './assess-incident';

export const BILLING_OPS_SLA_ID = 'billing-ops-sla';
const VERSION = '1.0.0';
// Resolved incidents older than this are history: the sweep no longer assesses them.
const SWEEP_HORIZON_MS = 45 * 86_400_000;

/** The resolving event types of every incident source (Alertmanager, Datadog, Statuspage, generic). */
export const RESOLVING_EVENTS = ['alert.resolved', 'monitor.recovered', 'incident.resolved', 'incident.postmortem'];

// Which incidents a run looks at: the ones a webhook delivery touched, the one named, or (the
// sweep) every recently resolved incident not assessed yet.
async function incidentsToAssess(
  input: { sourceRef?: string | null; objectId?: string },
  now: Date,
): Promise<string[]> {
  const db = getDb();
  const inboxId = /^webhook_events:(.+)$/.exec(input.sourceRef ?? '')?.[1];
  if (inboxId) {
    const rows = await db.incidentEvent.findMany({ where: { inboxId }, select: { incidentId: true } });
    return [...new Set(rows.map((r) => r.incidentId))];
  }
  const named = /^incidents:(.+)$/.exec(input.objectId ?? '')?.[1];
  if (named) return [named];
  const rows = await db.incident.findMany({
    where: {
      status: 'resolved',
      resolvedAt: { gte: new Date(now.getTime() - SWEEP_HORIZON_MS), lte: now },
      slaAssessments: { none: {} },
    },
    select: { id: true },
    take: 20,
  });
  return rows.map((r) => r.id);
}

// Billing Ops · SLA credits: when an incident is resolved, validates the impacted cohort against
// ingested usage (traffic and failures in the incident's regions and services, outside
// maintenance), computes each customer's credit under their plan's SLA policy and drafts one batch
// of `credit` actions for approval. Once a credit is approved (in a batch from the incident page, or
// one by one), it notifies the account manager and notes the customer's ticket.
export const billingOpsSla = defineAgent({
  id: BILLING_OPS_SLA_ID,
  version: VERSION,
  title: 'Billing Ops · SLA credits',
  description: 'Turns a resolved incident into a usage-validated cohort and one batch of SLA credit drafts.',
  triggers: [{ on: 'webhook', events: RESOLVING_EVENTS }, { on: 'cron', cron: '*/5 * * * *' }, { on: 'on_demand' }],
  job: { retryLimit: 4, retryDelaySeconds: 5 },
  run: async (ctx) => {
    for (const incidentId of await incidentsToAssess(ctx.input, ctx.now)) {
      await assessIncident(ctx, incidentId);
    }
    // Credits approved one by one (or by autopilot) are notified on the next sweep.
    await getDb().$transaction((tx) =>
      notifyApprovedSlaCredits(tx, {}, { type: 'agent', id: ctx.agent.id, version: ctx.agent.version }),
    );
  },
});
