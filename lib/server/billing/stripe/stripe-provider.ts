import type Stripe from 'stripe';
import { ProviderError, type BillingProvider, type ExecutionTarget } from '../billing-provider';
import { toProviderError } from './stripe-errors';
import { clock } from '@/lib/clock';

const need = (value: string | null | undefined, what: string): string => {
  if (!value)
    throw new ProviderError(
      `No Stripe id for the ${what}: it was not synced from Stripe`,
      'missing_external_id',
      false,
      false,
    );
  return value;
};

const tags = (t: ExecutionTarget) => ({ tollgate_action_id: t.actionId, tollgate_execution_key: t.idempotencyKey });

// Runs Stripe calls with the action's idempotency key and translates failures.
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toProviderError(err);
  }
}

export function createStripeProvider(stripe: Stripe): BillingProvider {
  return {
    name: 'stripe',

    async issueCredit(t, p, invoice) {
      const opts = { idempotencyKey: t.idempotencyKey };
      if (p.mode === 'credit_note') {
        const note = await call(() =>
          stripe.creditNotes.create(
            {
              invoice: need(invoice?.externalId, 'invoice'),
              lines: [
                {
                  type: 'custom_line_item',
                  description: p.memo || `Credit (${p.reasonCode})`,
                  quantity: 1,
                  unit_amount: p.amountMinor,
                },
              ],
              ...(p.reasonCode === 'duplicate_charge' ? { reason: 'duplicate' as const } : {}),
              memo: p.memo || undefined,
              metadata: { ...tags(t), reason_code: p.reasonCode },
            },
            opts,
          ),
        );
        return {
          provider: 'stripe',
          ref: note.id,
          summary: `Credit note ${note.number ?? note.id} for ${p.amountMinor} ${p.currency}`,
          data: { creditNoteId: note.id, amount: note.amount },
        };
      }
      const tx = await call(() =>
        stripe.customers.createBalanceTransaction(
          need(t.customer.externalId, 'customer'),
          {
            amount: -p.amountMinor,
            currency: p.currency,
            description: p.memo || `Credit (${p.reasonCode})`,
            metadata: { ...tags(t), reason_code: p.reasonCode },
          },
          opts,
        ),
      );
      return {
        provider: 'stripe',
        ref: tx.id,
        summary: `Balance credit of ${p.amountMinor} ${p.currency}`,
        data: { balanceTransactionId: tx.id, endingBalance: tx.ending_balance },
      };
    },

    async changePlan(t, p, target) {
      const subId = need(target.subscription.externalId, 'subscription');
      const sub = await call(() => stripe.subscriptions.retrieve(subId));
      const item = sub.items.data[0];
      if (!item) throw new ProviderError(`Subscription ${subId} has no items`, 'no_subscription_item', false, false);
      const updated = await call(() =>
        stripe.subscriptions.update(
          subId,
          {
            items: [{ id: item.id, price: need(target.toPlan.externalId, 'target plan price') }],
            proration_behavior: p.proration,
            // "At period end" bills the new price from the next invoice, with no proration now.
            ...(p.effective === 'period_end' ? { proration_behavior: 'none' as const } : {}),
            metadata: { ...tags(t), tollgate_plan: target.toPlan.key },
          },
          { idempotencyKey: t.idempotencyKey },
        ),
      );
      return {
        provider: 'stripe',
        ref: updated.id,
        summary: `Subscription moved to ${target.toPlan.key}`,
        data: { status: updated.status },
      };
    },

    async runDunningStep(t, p, target) {
      const invoiceId = need(target.invoice.externalId, 'invoice');
      const opts = { idempotencyKey: t.idempotencyKey };
      switch (p.step) {
        case 'retry_now': {
          const inv = await call(() => stripe.invoices.pay(invoiceId, {}, opts));
          return {
            provider: 'stripe',
            ref: inv.id,
            summary: `Payment retried: invoice is ${inv.status}`,
            data: { status: inv.status },
          };
        }
        case 'extend_grace': {
          const due = Math.floor(clock.nowMs() / 1000) + (p.graceDays ?? 7) * 86_400;
          const inv = await call(() => stripe.invoices.update(invoiceId, { due_date: due, metadata: tags(t) }, opts));
          return {
            provider: 'stripe',
            ref: inv.id,
            summary: `Due date extended by ${p.graceDays ?? 7} days`,
            data: { dueDate: due },
          };
        }
        case 'pause': {
          const sub = await call(() =>
            stripe.subscriptions.update(
              need(target.subscription?.externalId, 'subscription'),
              { pause_collection: { behavior: 'keep_as_draft' }, metadata: tags(t) },
              opts,
            ),
          );
          return { provider: 'stripe', ref: sub.id, summary: 'Collection paused', data: {} };
        }
        default:
          throw new ProviderError(
            `Dunning step ${p.step} is not a billing-platform call`,
            'not_a_billing_step',
            false,
            false,
          );
      }
    },

    async findExecution(t, kind, payload, context) {
      const matches = (m: Stripe.Metadata | null | undefined) => m?.tollgate_execution_key === t.idempotencyKey;
      if (kind === 'credit') {
        const p = payload as { mode: string };
        if (p.mode === 'credit_note') {
          const list = await call(() =>
            stripe.creditNotes.list({ invoice: need(context.invoice?.externalId, 'invoice'), limit: 100 }),
          );
          const hit = list.data.find((n) => matches(n.metadata));
          return hit
            ? { provider: 'stripe', ref: hit.id, summary: `Credit note ${hit.number ?? hit.id} found at Stripe` }
            : null;
        }
        const list = await call(() =>
          stripe.customers.listBalanceTransactions(need(t.customer.externalId, 'customer'), { limit: 100 }),
        );
        const hit = list.data.find((b) => matches(b.metadata));
        return hit ? { provider: 'stripe', ref: hit.id, summary: 'Balance credit found at Stripe' } : null;
      }
      if (kind === 'plan_change') {
        const sub = await call(() =>
          stripe.subscriptions.retrieve(need(context.plan?.subscription.externalId, 'subscription')),
        );
        return matches(sub.metadata)
          ? { provider: 'stripe', ref: sub.id, summary: 'Plan change found at Stripe' }
          : null;
      }
      const inv = await call(() => stripe.invoices.retrieve(need(context.invoice?.externalId, 'invoice')));
      return inv.status === 'paid' || matches(inv.metadata)
        ? { provider: 'stripe', ref: inv.id, summary: `Invoice is ${inv.status} at Stripe` }
        : null;
    },
  };
}
