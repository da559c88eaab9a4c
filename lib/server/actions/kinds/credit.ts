import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import type { InvoiceTarget } from '@/lib/server/billing/billing-provider';
import { recordLedgerEntry } from '@/lib/server/billing/ledger-provider';
import {
  executionTags,
  findInStripeList,
  needStripeId,
  stripeCall,
  taggedWith,
} from '@/lib/server/billing/stripe/stripe-call';
import { defineActionKind } from './define-action-kind';
import { loadInvoiceTarget } from './load-invoice-target';

const REASONS: Record<string, string> = {
  sla_breach: 'SLA breach',
  billing_error: 'billing error',
  goodwill: 'goodwill',
  service_issue: 'service issue',
  duplicate_charge: 'duplicate charge',
  other: 'other',
};

// A credit to a customer: a credit note against a finalised invoice, or a credit on their balance
// that the next invoice uses up. The money at stake is the credit itself.
export const credit = defineActionKind<'credit', InvoiceTarget['invoice'] | null>({
  kind: 'credit',

  async amountAtStake(_tx, p) {
    return { amountMinor: p.amountMinor, currency: p.currency };
  },

  async describe(tx, p) {
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
  },

  execute: {
    billing: {
      async loadTarget(db, p, customerId) {
        return p.invoiceId ? (await loadInvoiceTarget(db, p.invoiceId, customerId)).invoice : null;
      },
      stripe: {
        async apply(stripe, t, p, invoice) {
          const opts = { idempotencyKey: t.idempotencyKey };
          const metadata = { ...executionTags(t), reason_code: p.reasonCode };
          if (p.mode === 'credit_note') {
            const note = await stripeCall(() =>
              stripe.creditNotes.create(
                {
                  invoice: needStripeId(invoice?.externalId, 'invoice'),
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
                  metadata,
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
          const tx = await stripeCall(() =>
            stripe.customers.createBalanceTransaction(
              needStripeId(t.customer.externalId, 'customer'),
              {
                amount: -p.amountMinor,
                currency: p.currency,
                description: p.memo || `Credit (${p.reasonCode})`,
                metadata,
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

        // Every page of the list: a busy customer has more than 100 balance transactions.
        async find(stripe, t, p, invoice) {
          if (p.mode === 'credit_note') {
            const list = stripe.creditNotes.list({ invoice: needStripeId(invoice?.externalId, 'invoice'), limit: 100 });
            const hit = await findInStripeList(list, (n) => taggedWith(t, n.metadata));
            return hit
              ? { provider: 'stripe', ref: hit.id, summary: `Credit note ${hit.number ?? hit.id} found at Stripe` }
              : null;
          }
          const list = stripe.customers.listBalanceTransactions(needStripeId(t.customer.externalId, 'customer'), {
            limit: 100,
          });
          const hit = await findInStripeList(list, (b) => taggedWith(t, b.metadata));
          return hit ? { provider: 'stripe', ref: hit.id, summary: 'Balance credit found at Stripe' } : null;
        },
      },

      ledger: (t, p, invoice) =>
        getDb().$transaction((tx) =>
          recordLedgerEntry(tx, t, {
            kind: p.mode === 'credit_note' ? 'credit_note' : 'balance_credit',
            amountMinor: -p.amountMinor,
            currency: p.currency,
            data: { reasonCode: p.reasonCode, memo: p.memo, invoiceId: invoice?.id ?? null },
          }),
        ),
    },
  },
});
