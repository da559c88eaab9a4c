import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { reconcileUsagePeriod, type ReconciledRow } from '@/lib/server/reconciliation/reconcile-usage-period';
import { defineAgent, TriggerNotReadyError, type AgentContext } from '../define-agent';
import { writeDriftAlert } from './write-drift-alert';

// Stripe's meter summaries trail the events by a few minutes: the open period is reconciled up
// to this long ago, so events still on their way do not read as drift.
const SETTLE_MS = 10 * 60_000;

// Usage reconciler: per customer × meter × period, compares what Tollgate accepted, its rollups,
// what was forwarded to Stripe and acknowledged, Stripe's meter summary and the invoice line.
// Daily for every open billing period, and for an invoice's period when Stripe creates it. Each
// newly found drift drafts one Slack alert through policy, with a decision record.
export const usageReconciler = defineAgent({
  id: 'usage-reconciler',
  version: '1.0.0',
  title: 'Usage Reconciler',
  description: 'Checks usage accepted by Tollgate against Stripe meters and invoices, and flags drift.',
  triggers: [{ on: 'cron', cron: '23 4 * * *' }, { on: 'webhook', events: ['invoice.created'] }, { on: 'on_demand' }],
  job: { retryLimit: 3, retryDelaySeconds: 30 },
  run: async (ctx) => {
    const stripe = await resolveStripeClient();
    const db = getDb();
    const rows: ReconciledRow[] = [];
    const periods: Map<string, { from: Date; to: Date }> = new Map();
    if (ctx.input.objectId) {
      const invoice = await db.invoice.findFirst({
        where: { OR: [{ externalId: ctx.input.objectId }, { id: ctx.input.objectId }] },
        select: { id: true, periodStart: true, periodEnd: true },
      });
      if (!invoice) throw new TriggerNotReadyError(`Invoice ${ctx.input.objectId} is not stored (yet)`);
      const found = await reconcileUsagePeriod({
        from: invoice.periodStart,
        to: invoice.periodEnd,
        invoiceId: invoice.id,
        stripe,
        trigger: ctx.trigger.type,
      });
      for (const r of found) periods.set(r.id, { from: invoice.periodStart, to: invoice.periodEnd });
      rows.push(...found);
    } else {
      const until = new Date(Math.floor((ctx.now.getTime() - SETTLE_MS) / 60_000) * 60_000);
      const subscriptions = await db.subscription.findMany({
        where: {
          status: { in: ['active', 'trialing', 'past_due'] },
          ...(ctx.input.customerIds ? { customerId: { in: ctx.input.customerIds } } : {}),
        },
        select: { customerId: true, currentPeriodStart: true, currentPeriodEnd: true },
      });
      for (const s of subscriptions) {
        const to = s.currentPeriodEnd < until ? s.currentPeriodEnd : until;
        if (to <= s.currentPeriodStart) continue;
        const found = await reconcileUsagePeriod({
          from: s.currentPeriodStart,
          to,
          customerId: s.customerId,
          stripe,
          trigger: ctx.trigger.type,
        });
        for (const r of found) periods.set(r.id, { from: s.currentPeriodStart, to });
        rows.push(...found);
      }
    }
    for (const row of rows.filter((r) => r.newlyFlagged && !r.actionId)) await alert(ctx, row, periods.get(row.id)!);
  },
});

async function alert(ctx: AgentContext, row: ReconciledRow, period: { from: Date; to: Date }) {
  const db = getDb();
  const [customer, meter, rec] = await Promise.all([
    db.customer.findUnique({ where: { id: row.customerId }, select: { name: true } }),
    db.meter.findUnique({ where: { id: row.meterId }, select: { name: true, key: true } }),
    db.usageReconciliation.findUniqueOrThrow({ where: { id: row.id } }),
  ]);
  const facts = {
    customerName: customer?.name ?? row.customerId,
    meterName: meter?.name ?? row.meterId,
    from: period.from,
    to: period.to,
    findings: row.findings,
    accepted: Number(rec.accepted),
    acknowledged: Number(rec.acknowledged),
    stripeReported: rec.stripeReported === null ? null : Number(rec.stripeReported),
    invoiced: rec.invoiced === null ? null : Number(rec.invoiced),
  };
  // One alert per row and set of findings: the same drift found again tomorrow drafts nothing new.
  const digest = createHash('sha256').update(row.findings.join('\n')).digest('hex').slice(0, 12);
  const sourceRef = `usage_reconciliations:${row.id}:${digest}`;
  await db.$transaction(async (tx) => {
    await ctx.decide(
      tx,
      {
        customerId: row.customerId,
        sourceRef,
        inputs: {
          reconciliationId: row.id,
          meterKey: meter?.key ?? null,
          from: period.from.toISOString(),
          to: period.to.toISOString(),
        },
        model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
      },
      async (run) => {
        run.evidence({
          reconciliation: { id: row.id, ...facts, from: facts.from.toISOString(), to: facts.to.toISOString() },
        });
        run.reason(...row.findings);
        const { title, text } = writeDriftAlert(facts);
        const draft = await run.propose({
          kind: 'slack_post',
          title,
          payload: { text },
          reasoning: row.findings.join(' '),
          sourceRef,
          meterKey: meter?.key,
        });
        await tx.usageReconciliation.update({ where: { id: row.id }, data: { actionId: draft.actionId } });
      },
    );
  });
}
