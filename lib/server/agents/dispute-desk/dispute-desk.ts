import { getDb, type Tx } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { normalizeDispute } from '@/lib/server/billing/stripe/normalize/normalize-dispute';
import { DAY_MS } from '@/lib/server/insights/insight-rules';
import { periodUsageSql } from '@/lib/server/usage/meter-aggregation-sql';
import { defineAgent, TriggerNotReadyError } from '../define-agent';
import { writeDisputeTask, type DisputeFacts } from './write-dispute-task';

// Days before Stripe's evidence deadline the task is due: time to assemble and submit.
const LEAD_DAYS = 2;
// Advisory lock namespace (two-int form): two events about one dispute draft one task.
const LOCK_SPACE = 7_311_003;

// The invoice a charge paid, via the attempt or payment the webhook handlers recorded for it.
async function invoiceOfCharge(tx: Tx, chargeId: string, intentId: string | null) {
  const ids = intentId ? [chargeId, intentId] : [chargeId];
  const attempt = await tx.paymentAttempt.findFirst({
    where: { externalId: { in: ids }, invoiceId: { not: null } },
    select: { invoiceId: true },
  });
  const invoiceId =
    attempt?.invoiceId ??
    (intentId
      ? (await tx.payment.findUnique({ where: { externalId: intentId }, select: { invoiceId: true } }))?.invoiceId
      : null);
  if (!invoiceId) return null;
  return tx.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, number: true, externalId: true, periodStart: true, periodEnd: true },
  });
}

// Each meter the customer used in the period, aggregated the way the meter says (a max meter's
// peak, not the sum of its hourly peaks).
async function usageInPeriod(tx: Tx, customerId: string, from: Date, to: Date) {
  const rows = await tx.$queryRawUnsafe<{ name: string; unit: string; quantity: string }[]>(
    `SELECT m.name, m.unit, (${periodUsageSql({ meter: 'm', customer: '$1', from: '$2', to: '$3' })})::text AS quantity
       FROM meters m
      WHERE EXISTS (SELECT 1 FROM usage_rollups_hourly r
                     WHERE r.customer_id = $1 AND r.meter_id = m.id AND r.hour >= $2 AND r.hour < $3)
      ORDER BY m.name`,
    customerId,
    from,
    to,
  );
  return rows.map((r) => ({ meterName: r.name, unit: r.unit, quantity: Number(r.quantity ?? 0) }));
}

// Dispute desk: when a charge is disputed it drafts one CRM task for support — amount, reason,
// evidence deadline, the charge and invoice it concerns, the usage behind it and the evidence to
// gather for that reason — through policy, with a decision record. One task per dispute.
export const disputeDesk = defineAgent({
  id: 'dispute-desk',
  version: '1.0.0',
  title: 'Dispute Desk',
  description: 'Turns each new chargeback into a support task with its deadline and the evidence to gather.',
  triggers: [{ on: 'webhook', events: ['charge.dispute.created'] }],
  job: { retryLimit: 4, retryDelaySeconds: 5 },
  run: async (ctx) => {
    const externalId = ctx.input.objectId ?? '';
    const inboxId = /^webhook_events:(.+)$/.exec(ctx.input.sourceRef ?? '')?.[1];
    await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${externalId}))`;
      const dispute = await tx.dispute.findUnique({
        where: { externalId },
        include: { customer: { select: { name: true } } },
      });
      if (!dispute) throw new TriggerNotReadyError(`Dispute ${externalId} is not stored (yet)`);
      const earlier = await tx.agentRun.count({
        where: { agentId: ctx.agent.id, status: 'succeeded', inputs: { path: ['disputeId'], equals: dispute.id } },
      });
      if (earlier) return;
      // The stored dispute is the truth for amount, reason and status; the deadline and payment
      // intent are only in the event (the handler does not store them).
      const event = inboxId
        ? await tx.webhookEvent.findUnique({ where: { id: inboxId }, select: { payload: true } })
        : null;
      const object = (event?.payload as { data?: { object?: unknown } } | null)?.data?.object;
      const fromEvent = object ? normalizeDispute(object) : null;
      const invoice = await invoiceOfCharge(tx, dispute.chargeExternalId, fromEvent?.paymentIntentExternalId ?? null);
      const usage =
        invoice && dispute.customerId
          ? await usageInPeriod(tx, dispute.customerId, invoice.periodStart, invoice.periodEnd)
          : [];
      const facts: DisputeFacts = {
        now: ctx.now,
        customerName: dispute.customer?.name ?? null,
        amount: dispute.amount,
        currency: dispute.currency,
        reason: dispute.reason,
        status: dispute.status,
        chargeExternalId: dispute.chargeExternalId,
        evidenceDueBy: fromEvent?.evidenceDueBy ?? null,
        invoice,
        usage,
      };
      const header = {
        customerId: dispute.customerId,
        sourceRef: ctx.trigger.ref,
        inputs: {
          disputeId: dispute.id,
          externalId,
          amount: dispute.amount,
          currency: dispute.currency,
          reason: dispute.reason,
          evidenceDueBy: facts.evidenceDueBy?.toISOString() ?? null,
          invoiceId: invoice?.id ?? null,
        },
        model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
      };
      await ctx.decide(tx, header, async (run) => {
        run.evidence(
          { dispute: { id: dispute.id, externalId, status: dispute.status, charge: dispute.chargeExternalId } },
          { invoice: invoice ? { id: invoice.id, number: invoice.number } : null },
          { usage },
        );
        const task = writeDisputeTask(facts);
        // Due a couple of days before the deadline, never in the past; without one, in three days.
        const dueDate = new Date(
          facts.evidenceDueBy
            ? Math.max(ctx.now.getTime(), facts.evidenceDueBy.getTime() - LEAD_DAYS * DAY_MS)
            : ctx.now.getTime() + 3 * DAY_MS,
        )
          .toISOString()
          .slice(0, 10);
        run.reason(
          `A ${dispute.reason} dispute of ${formatMoney(dispute.amount, dispute.currency)} was opened on charge ${dispute.chargeExternalId}.`,
          facts.evidenceDueBy
            ? `Evidence is due ${facts.evidenceDueBy.toISOString().slice(0, 10)}: the task is due ${dueDate} (${LEAD_DAYS} days earlier, never in the past).`
            : `No evidence deadline in the event: the task is due ${dueDate}, in three days.`,
          invoice
            ? `The charge paid invoice ${invoice.number ?? invoice.id}.`
            : 'No invoice is recorded for the charge.',
        );
        await run.propose({
          kind: 'crm_task',
          title: task.title,
          payload: { ...task, dueDate, owner: 'support' },
          reasoning: task.body,
          sourceRef: `dispute-desk:${externalId}`,
        });
      });
    });
  },
});
