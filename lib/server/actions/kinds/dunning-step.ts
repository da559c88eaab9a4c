import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { clock } from '@/lib/clock';
import { getCustomerMrr } from '@/lib/server/billing/get-customer-mrr';
import { ProviderError, type InvoiceTarget } from '@/lib/server/billing/billing-provider';
import { recordLedgerEntry } from '@/lib/server/billing/ledger-provider';
import { executionTags, needStripeId, stripeCall, taggedWith } from '@/lib/server/billing/stripe/stripe-call';
import { assertDeliverable } from '@/lib/server/email/assert-deliverable';
import { defineActionKind, noMoney } from './define-action-kind';
import { loadInvoiceTarget } from './load-invoice-target';

// Dunning steps for accounts worth this much a month or more (or invoices this large) always wait
// for a person, whatever the policy's mode and caps; the policy setting `approvalAboveMrrMinor`
// moves it.
export const DUNNING_APPROVAL_ABOVE_MRR_MINOR = 50_000;

const STEP_LABELS = {
  retry_now: (due: string) => `Retry the payment of ${due}`,
  extend_grace: (_due: string, days: number) => `Extend the due date by ${days} days`,
  send_update_card_email: () => 'E-mail the customer to update their card',
  pause: () => 'Pause collection on the subscription',
} as const;

// One step of collecting an unpaid invoice: retry the payment, extend the due date, pause
// collection (billing effects), or e-mail the customer to update their card (a message). Only a
// retry moves money now: the invoice's amount remaining, as stored. A retry may name its time
// (`retryAt`): approved earlier, it waits for it.
export const dunningStep = defineActionKind<'dunning_step', InvoiceTarget>({
  kind: 'dunning_step',

  async amountAtStake(tx, p, customerId) {
    if (p.step !== 'retry_now') return noMoney;
    const inv = customerId
      ? await tx.invoice.findFirst({
          where: { id: p.invoiceId, customerId },
          select: { amountRemaining: true, currency: true },
        })
      : null;
    if (!inv) return { ...noMoney, uncertain: `invoice ${p.invoiceId} is not this customer’s` };
    return { amountMinor: inv.amountRemaining, currency: inv.currency };
  },

  // The update-card e-mail is transactional: only a hard bounce or complaint stops it.
  async checkAgainstStoredState(tx, p, customerId) {
    if (p.step !== 'send_update_card_email') return;
    const customer = customerId
      ? await tx.customer.findUnique({ where: { id: customerId }, select: { email: true } })
      : null;
    await assertDeliverable(tx, p.emailTo ?? customer?.email, true);
  },

  async describe(tx, p, { customerId }) {
    const inv = customerId
      ? await tx.invoice.findFirst({
          where: { id: p.invoiceId, customerId },
          select: { number: true, amountRemaining: true, currency: true, attemptCount: true },
        })
      : null;
    const due = inv ? formatMoney(inv.amountRemaining, inv.currency) : 'the amount due';
    const when =
      p.step === 'retry_now' ? (p.retryAt ? ` at ${p.retryAt.slice(0, 16).replace('T', ' ')} UTC` : ' now') : '';
    return {
      headline: `${STEP_LABELS[p.step](due, p.graceDays ?? 7)}${when} (${inv?.number ?? p.invoiceId})`,
      before: inv ? `${due} open after ${inv.attemptCount} failed attempt(s)` : null,
      after: null,
    };
  },

  notBefore: (p) => (p.step === 'retry_now' && p.retryAt ? new Date(p.retryAt) : null),

  async heldForPerson(tx, p, customerId, settings) {
    const threshold =
      typeof settings.approvalAboveMrrMinor === 'number'
        ? settings.approvalAboveMrrMinor
        : DUNNING_APPROVAL_ABOVE_MRR_MINOR;
    if (!customerId) return 'a dunning step without a customer always needs a person';
    const [{ mrrMinor, currency }, inv] = await Promise.all([
      getCustomerMrr(tx, customerId),
      tx.invoice.findFirst({ where: { id: p.invoiceId, customerId }, select: { amountRemaining: true } }),
    ]);
    if (mrrMinor >= threshold || (inv?.amountRemaining ?? 0) >= threshold) {
      return `high-value account (MRR ${formatMoney(mrrMinor, currency)}, threshold ${formatMoney(threshold, currency)}): a person approves every dunning step`;
    }
    return null;
  },

  execute: {
    outbound(p, { customerEmail }) {
      if (p.step !== 'send_update_card_email') return null;
      return {
        channel: 'email',
        destination: destinationFor('email'),
        payload: {
          to: p.emailTo ?? customerEmail,
          subject: 'Please update your payment method',
          body: 'Your latest payment did not go through. Please update the card on file to keep your service running.',
          invoiceId: p.invoiceId,
        },
      };
    },
    billing: {
      loadTarget: (db, p, customerId) => loadInvoiceTarget(db, p.invoiceId, customerId),
      stripe: {
        async apply(stripe, t, p, target) {
          const invoiceId = needStripeId(target.invoice.externalId, 'invoice');
          const opts = { idempotencyKey: t.idempotencyKey };
          if (p.step === 'retry_now') {
            const inv = await stripeCall(() => stripe.invoices.pay(invoiceId, {}, opts));
            return {
              provider: 'stripe',
              ref: inv.id,
              summary: `Payment retried: invoice is ${inv.status}`,
              data: { status: inv.status },
            };
          }
          if (p.step === 'extend_grace') {
            const due = Math.floor(clock.nowMs() / 1000) + (p.graceDays ?? 7) * 86_400;
            const inv = await stripeCall(() =>
              stripe.invoices.update(invoiceId, { due_date: due, metadata: executionTags(t) }, opts),
            );
            return {
              provider: 'stripe',
              ref: inv.id,
              summary: `Due date extended by ${p.graceDays ?? 7} days`,
              data: { dueDate: due },
            };
          }
          if (p.step === 'pause') {
            const sub = await stripeCall(() =>
              stripe.subscriptions.update(
                needStripeId(target.subscription?.externalId, 'subscription'),
                { pause_collection: { behavior: 'keep_as_draft' }, metadata: executionTags(t) },
                opts,
              ),
            );
            return { provider: 'stripe', ref: sub.id, summary: 'Collection paused', data: {} };
          }
          throw new ProviderError(`Dunning step ${p.step} is not a billing call`, 'not_a_billing_step', false, false);
        },

        // Each step is looked for where it wrote: a pause on the subscription, the others on the invoice.
        async find(stripe, t, p, target) {
          if (p.step === 'pause') {
            const sub = await stripeCall(() =>
              stripe.subscriptions.retrieve(needStripeId(target.subscription?.externalId, 'subscription')),
            );
            return taggedWith(t, sub.metadata) && sub.pause_collection
              ? { provider: 'stripe', ref: sub.id, summary: 'Collection pause found at Stripe' }
              : null;
          }
          const inv = await stripeCall(() =>
            stripe.invoices.retrieve(needStripeId(target.invoice.externalId, 'invoice')),
          );
          const applied = p.step === 'retry_now' ? inv.status === 'paid' : taggedWith(t, inv.metadata);
          return applied ? { provider: 'stripe', ref: inv.id, summary: `Invoice is ${inv.status} at Stripe` } : null;
        },
      },
      ledger: (t, p, target) =>
        getDb().$transaction((tx) =>
          recordLedgerEntry(tx, t, {
            kind: `dunning_${p.step}`,
            amountMinor: 0,
            currency: target.invoice.currency,
            data: { invoiceId: target.invoice.id, graceDays: p.graceDays ?? null },
          }),
        ),
    },
  },
});
