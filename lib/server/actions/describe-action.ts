import { formatMoney } from '@/lib/money';
import type { Tx } from '@/lib/db';
import { parseActionPayload, type ActionKind } from '@/lib/schemas/action-payloads';
import { clock } from '@/lib/clock';

export interface ActionDescription {
  headline: string;
  before: string | null;
  after: string | null;
}

const REASONS: Record<string, string> = {
  sla_breach: 'SLA breach',
  billing_error: 'billing error',
  goodwill: 'goodwill',
  service_issue: 'service issue',
  duplicate_charge: 'duplicate charge',
  other: 'other',
};

// A typed, human before/after for the reviewer, computed from the stored payload and current
// billing state — e.g. "Growth $199.00/mo → Scale $799.00/mo, prorated $400.00 today".
export async function describeAction(
  tx: Tx,
  kind: ActionKind,
  raw: unknown,
  customerId: string | null,
  now = clock.now(),
): Promise<ActionDescription> {
  switch (kind) {
    case 'credit': {
      const p = parseActionPayload('credit', raw);
      const amount = formatMoney(p.amountMinor, p.currency);
      if (p.mode === 'credit_note' && p.invoiceId) {
        const inv = await tx.invoice.findUnique({
          where: { id: p.invoiceId },
          select: { number: true, total: true, currency: true },
        });
        const total = inv?.total ?? 0;
        return {
          headline: `Credit ${amount} (${REASONS[p.reasonCode]}) as a credit note on ${inv?.number ?? p.invoiceId}`,
          before: `Invoice total ${formatMoney(total, inv?.currency ?? p.currency)}`,
          after: `Invoice total ${formatMoney(Math.max(0, total - p.amountMinor), inv?.currency ?? p.currency)} after the credit note`,
        };
      }
      return {
        headline: `Credit ${amount} (${REASONS[p.reasonCode]}) to the customer's balance`,
        before: null,
        after: `${amount} applied to the next invoice`,
      };
    }
    case 'plan_change': {
      const p = parseActionPayload('plan_change', raw);
      const [plans, sub] = await Promise.all([
        tx.plan.findMany({
          where: { key: { in: [p.fromPlanKey, p.toPlanKey] } },
          select: { key: true, name: true, basePriceMinor: true, currency: true },
        }),
        tx.subscription.findUnique({
          where: { id: p.subscriptionId },
          select: { currentPeriodStart: true, currentPeriodEnd: true },
        }),
      ]);
      const from = plans.find((x) => x.key === p.fromPlanKey);
      const to = plans.find((x) => x.key === p.toPlanKey);
      if (!from || !to)
        return { headline: `Move from ${p.fromPlanKey} to ${p.toPlanKey}`, before: p.fromPlanKey, after: p.toPlanKey };
      const price = (x: typeof from) => `${x.name} ${formatMoney(x.basePriceMinor, x.currency)}/mo`;
      let prorated = 0;
      if (sub && p.effective === 'now' && p.proration !== 'none') {
        const span = sub.currentPeriodEnd.getTime() - sub.currentPeriodStart.getTime();
        const left = Math.min(1, Math.max(0, (sub.currentPeriodEnd.getTime() - now.getTime()) / span));
        prorated = Math.round((to.basePriceMinor - from.basePriceMinor) * left);
      }
      const when =
        p.effective === 'now'
          ? prorated
            ? `, prorated ${formatMoney(prorated, to.currency)} today`
            : ', effective now'
          : ', from the next billing period';
      return { headline: `${price(from)} → ${price(to)}${when}`, before: price(from), after: price(to) };
    }
    case 'dunning_step': {
      const p = parseActionPayload('dunning_step', raw);
      const inv = await tx.invoice.findFirst({
        where: { id: p.invoiceId, customerId: customerId ?? undefined },
        select: { number: true, amountRemaining: true, currency: true, attemptCount: true },
      });
      const due = inv ? formatMoney(inv.amountRemaining, inv.currency) : 'the amount due';
      const label = {
        retry_now: `Retry the payment of ${due} now`,
        extend_grace: `Extend the due date by ${p.graceDays ?? 7} days`,
        send_update_card_email: 'E-mail the customer to update their card',
        pause: 'Pause collection on the subscription',
      }[p.step];
      return {
        headline: `${label} (${inv?.number ?? p.invoiceId})`,
        before: inv ? `${due} open after ${inv.attemptCount} failed attempt(s)` : null,
        after: null,
      };
    }
    case 'email': {
      const p = parseActionPayload('email', raw);
      return { headline: `E-mail ${p.to}: “${p.subject}”`, before: null, after: null };
    }
    case 'crm_task': {
      const p = parseActionPayload('crm_task', raw);
      return { headline: `CRM task: ${p.title}${p.dueDate ? ` (due ${p.dueDate})` : ''}`, before: null, after: null };
    }
    case 'slack_post': {
      const p = parseActionPayload('slack_post', raw);
      return { headline: `Slack: ${p.text.slice(0, 120)}${p.text.length > 120 ? '…' : ''}`, before: null, after: null };
    }
  }
}
