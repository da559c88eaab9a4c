import type {
  CustomerRecord,
  InvoiceLineKind,
  InvoiceRecord,
  PaymentFailureRecord,
  SubscriptionRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
import type {
  ChargebeeCustomer,
  ChargebeeInvoice,
  ChargebeeSubscription,
  ChargebeeTransaction,
} from './chargebee-objects';

// Chargebee objects → the normalised records the sync/ writers store for every platform. The
// records were shaped on Stripe's objects, so the mapping below states how Chargebee's
// vocabulary lands in them (statuses, terms, line kinds); amounts are minor units on both.

const date = (unix: number | null | undefined) => (typeof unix === 'number' ? new Date(unix * 1000) : null);
const lower = (code: string | null | undefined) => (code ? code.toLowerCase() : null);
const stringValues = (meta: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(meta ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));

export function normalizeChargebeeCustomer(customer: ChargebeeCustomer): CustomerRecord {
  const person = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
  return {
    externalId: customer.id,
    email: customer.email ?? null,
    name: customer.company || person || null,
    deleted: customer.deleted === true,
    metadata: stringValues(customer.meta_data),
    currency: lower(customer.preferred_currency_code),
    delinquent: null,
    // Cards are read from Stripe only (payment_cards); a Chargebee payment source is not one of them.
    defaultPaymentMethodExternalId: null,
    createdAt: date(customer.created_at),
  };
}

// Chargebee's lifecycle in Tollgate's statuses. `future` has not started, so it grants nothing
// yet (incomplete); `non_renewing` is active until the term ends; a transferred subscription
// lives on under another customer, so this one has ended.
const SUBSCRIPTION_STATUS: Record<string, string> = {
  future: 'incomplete',
  in_trial: 'trialing',
  active: 'active',
  non_renewing: 'active',
  paused: 'paused',
  cancelled: 'canceled',
  transferred: 'canceled',
};

export function normalizeChargebeeSubscription(subscription: ChargebeeSubscription): SubscriptionRecord {
  const items = subscription.subscription_items ?? [];
  const plan = items.find((item) => item.item_type === 'plan') ?? items[0] ?? null;
  return {
    externalId: subscription.id,
    customerExternalId: subscription.customer_id,
    status: SUBSCRIPTION_STATUS[subscription.status] ?? subscription.status,
    currentPeriodStart: date(subscription.current_term_start),
    currentPeriodEnd: date(subscription.current_term_end),
    cancelAtPeriodEnd: subscription.status === 'non_renewing',
    cancelAt: subscription.status === 'non_renewing' ? date(subscription.current_term_end) : null,
    canceledAt: date(subscription.cancelled_at),
    items: items.map((item) => ({
      // Chargebee's subscription items have no id of their own: one item price per subscription.
      externalId: `${subscription.id}:${item.item_price_id}`,
      priceExternalId: item.item_price_id,
      productExternalId: null,
      meterExternalId: null,
      quantity: item.quantity ?? null,
      unitAmount: item.unit_price ?? null,
      interval: subscription.billing_period_unit ?? null,
      intervalCount: subscription.billing_period ?? null,
      usageType: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
    })),
    planExternalId: plan?.item_price_id ?? null,
    planProductExternalId: null,
    createdAt: date(subscription.created_at),
  };
}

// pending: still collecting charges (a draft); posted / payment_due: issued and unpaid (open);
// not_paid: dunning gave up (uncollectible); voided: void.
const INVOICE_STATUS: Record<string, string> = {
  pending: 'draft',
  posted: 'open',
  payment_due: 'open',
  not_paid: 'uncollectible',
  paid: 'paid',
  voided: 'void',
};

function lineKind(entityType: string | null | undefined, amount: number): InvoiceLineKind {
  if (amount < 0) return 'credit';
  if (entityType === 'plan_item_price' || entityType === 'plan' || entityType === 'addon_item_price') return 'flat';
  return 'other';
}

export function normalizeChargebeeInvoice(invoice: ChargebeeInvoice): InvoiceRecord {
  const lines = invoice.line_items ?? [];
  const starts = lines.map((l) => l.date_from).filter((s): s is number => typeof s === 'number');
  const ends = lines.map((l) => l.date_to).filter((e): e is number => typeof e === 'number');
  const issued = date(invoice.generated_at ?? invoice.date);
  const currency = invoice.currency_code.toLowerCase();
  const status = INVOICE_STATUS[invoice.status] ?? invoice.status;
  return {
    externalId: invoice.id,
    // Chargebee's invoice id is its number (1001, INV-2026-0042 …).
    number: invoice.id,
    customerExternalId: invoice.customer_id,
    subscriptionExternalId: invoice.subscription_id ?? null,
    status,
    currency,
    periodStart: starts.length ? date(Math.min(...starts)) : null,
    periodEnd: ends.length ? date(Math.max(...ends)) : null,
    subtotal: invoice.sub_total,
    tax: invoice.tax ?? 0,
    total: invoice.total,
    amountDue: invoice.amount_due ?? 0,
    amountPaid: invoice.amount_paid ?? 0,
    amountRemaining: invoice.amount_due ?? 0,
    attemptCount: invoice.dunning_attempts?.length ?? 0,
    nextPaymentAttempt: date(invoice.next_retry_at),
    dueDate: date(invoice.due_date),
    hostedInvoiceUrl: null,
    createdAt: issued,
    finalizedAt: status === 'draft' ? null : issued,
    paidAt: date(invoice.paid_at),
    lines: lines.map((line) => ({
      externalId: line.id,
      description: line.description ?? null,
      amount: line.amount ?? null,
      currency,
      quantity: line.quantity ?? null,
      unitAmountDecimal: typeof line.unit_amount === 'number' ? String(line.unit_amount) : null,
      priceExternalId: line.entity_type?.endsWith('item_price') ? (line.entity_id ?? null) : null,
      meterExternalId: null,
      periodStart: date(line.date_from),
      periodEnd: date(line.date_to),
      proration: false,
      kind: lineKind(line.entity_type, line.amount ?? 0),
    })),
    linesTruncated: false,
    discountAmount: (invoice.discounts ?? []).reduce((sum, d) => sum + d.amount, 0),
    creditAmount: invoice.credits_applied ?? 0,
  };
}

/** A failed payment transaction (payment_failed): the attempt, keyed by the transaction id. */
export function normalizeChargebeePaymentFailure(
  transaction: ChargebeeTransaction,
  invoiceId: string | null,
): PaymentFailureRecord {
  return {
    externalId: transaction.id,
    source: 'charge',
    customerExternalId: transaction.customer_id ?? null,
    invoiceExternalId: transaction.linked_invoices?.[0]?.invoice_id ?? invoiceId,
    chargeExternalId: transaction.id,
    paymentIntentExternalId: null,
    amount: transaction.amount ?? null,
    currency: lower(transaction.currency_code),
    failureCode: transaction.error_code ?? null,
    failureMessage: transaction.error_text ?? null,
    attemptCount: null,
    attemptedAt: date(transaction.date),
  };
}
