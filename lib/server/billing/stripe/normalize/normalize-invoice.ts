import { invoiceRecordSchema, type InvoiceRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { normalizeInvoiceLine } from './normalize-invoice-line';
import {
  asDate,
  asInt,
  asString,
  assertObjectType,
  firstOf,
  get,
  idOf,
  listData,
  requireId,
  sumAmounts,
  type StripeObjectLike,
} from './read';

// Version notes (before basil → basil 2025-03-31 and later):
// - subscription: `invoice.subscription` → `invoice.parent.subscription_details.subscription`
// - tax: `invoice.tax` / `total_tax_amounts[]` → `total_taxes[]`
// - `paid` removed: use status / status_transitions.paid_at (never read here)
// - `charge` / `payment_intent` moved to invoice payments (not part of this record)

/** Tax: the old scalar, else the sum of the new or old tax arrays, else total − total_excluding_tax. */
function taxOf(obj: StripeObjectLike): number | null {
  const total = asInt(obj.total);
  const excluding = asInt(obj.total_excluding_tax);
  return firstOf(
    asInt(obj.tax),
    sumAmounts(obj.total_taxes),
    sumAmounts(obj.total_tax_amounts),
    total !== null && excluding !== null ? total - excluding : null,
  );
}

function discountOf(obj: StripeObjectLike): number | null {
  return firstOf(
    sumAmounts(obj.total_discount_amounts),
    sumAmounts(obj.total_pretax_credit_amounts, (entry) => get(entry, 'type') === 'discount'),
  );
}

/**
 * Credits applied to the invoice: credit notes (pre- and post-payment) + credit grants
 * (basil pretax credits of type credit_balance_transaction) + customer credit balance consumed
 * (ending_balance − starting_balance when positive; Stripe balances are negative for credit).
 * null when the invoice carries none of these fields.
 */
function creditOf(obj: StripeObjectLike): number | null {
  const parts = [
    asInt(obj.pre_payment_credit_notes_amount),
    asInt(obj.post_payment_credit_notes_amount),
    sumAmounts(obj.total_pretax_credit_amounts, (entry) => get(entry, 'type') === 'credit_balance_transaction'),
  ];
  const starting = asInt(obj.starting_balance);
  const ending = asInt(obj.ending_balance);
  parts.push(starting !== null && ending !== null ? Math.max(0, ending - starting) : null);
  const present = parts.filter((part): part is number => part !== null);
  return present.length === 0 ? null : present.reduce((sum, part) => sum + part, 0);
}

/** Stripe invoice (2020 → basil and later) → InvoiceRecord. */
export function normalizeInvoice(invoice: unknown): InvoiceRecord {
  const obj = assertObjectType(invoice, ['invoice'], 'invoice');
  const currency = asString(obj.currency);
  return invoiceRecordSchema.parse({
    externalId: requireId(obj.id, 'invoice.id'),
    number: asString(obj.number),
    // Newest versions may bill an Accounts v2 account instead of a customer.
    customerExternalId: requireId(idOf(obj.customer) ?? idOf(obj.customer_account), 'invoice.customer'),
    subscriptionExternalId: firstOf(
      idOf(obj.subscription),
      idOf(get(obj, 'parent', 'subscription_details', 'subscription')),
    ),
    status: asString(obj.status),
    currency,
    periodStart: asDate(obj.period_start),
    periodEnd: asDate(obj.period_end),
    subtotal: asInt(obj.subtotal),
    tax: taxOf(obj),
    total: asInt(obj.total),
    amountDue: asInt(obj.amount_due),
    amountPaid: asInt(obj.amount_paid),
    amountRemaining: asInt(obj.amount_remaining),
    attemptCount: asInt(obj.attempt_count),
    nextPaymentAttempt: asDate(obj.next_payment_attempt),
    dueDate: asDate(obj.due_date),
    hostedInvoiceUrl: asString(obj.hosted_invoice_url),
    createdAt: asDate(obj.created),
    finalizedAt: asDate(get(obj, 'status_transitions', 'finalized_at')),
    paidAt: asDate(get(obj, 'status_transitions', 'paid_at')),
    lines: listData(obj.lines).map((line, index) => normalizeInvoiceLine(line, index, currency)),
    linesTruncated: get(obj, 'lines', 'has_more') === true,
    discountAmount: discountOf(obj),
    creditAmount: creditOf(obj),
  });
}
