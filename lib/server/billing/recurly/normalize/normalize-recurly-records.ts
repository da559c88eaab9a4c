import type { Account, Invoice, LineItem, Subscription } from 'recurly';
import { majorToMinor } from '@/lib/money';
import type {
  CustomerRecord,
  InvoiceLineKind,
  InvoiceRecord,
  SubscriptionRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';

// Recurly objects (as the recurly SDK returns them: camelCase, dates as Date, amounts as
// major-unit decimals) → the normalised records the sync/ writers store for every platform.
// The mapping states how Recurly's vocabulary lands in records shaped on Stripe's objects.

/** A Recurly object the records cannot do without is missing a field: parked, not retried. */
export class RecurlyNormalizeError extends Error {
  constructor(objectType: string, field: string) {
    super(`Recurly ${objectType} has no ${field}`);
    this.name = 'RecurlyNormalizeError';
  }
}

function required(value: string | null | undefined, objectType: string, field: string): string {
  if (!value) throw new RecurlyNormalizeError(objectType, field);
  return value;
}

const minor = (amount: number | null | undefined, currency: string) =>
  typeof amount === 'number' ? majorToMinor(amount, currency) : null;
const lower = (code: string | null | undefined) => (code ? code.toLowerCase() : null);

// Customers are keyed by Recurly's account id (what subscriptions and invoices point at); the
// account code, the merchant's own key, is kept in the metadata. A closed account is `inactive`.
export function normalizeRecurlyAccount(account: Account): CustomerRecord {
  const person = [account.firstName, account.lastName].filter(Boolean).join(' ');
  return {
    externalId: required(account.id, 'account', 'id'),
    email: account.email ?? null,
    name: account.company || person || null,
    deleted: account.state === 'inactive' || Boolean(account.deletedAt),
    metadata: account.code ? { recurly_account_code: account.code } : {},
    currency: null,
    delinquent: account.hasPastDueInvoice ?? null,
    // Cards are read from Stripe only (payment_cards); Recurly's billing info is not one of them.
    defaultPaymentMethodExternalId: null,
    createdAt: account.createdAt ?? null,
  };
}

// Recurly's `canceled` still runs to the end of the paid term (it will not renew), so it is
// active and cancelling at period end; `expired` has ended. `future` has not started yet.
const SUBSCRIPTION_STATUS: Record<string, string> = {
  future: 'incomplete',
  in_trial: 'trialing',
  active: 'active',
  canceled: 'active',
  paused: 'paused',
  expired: 'canceled',
  failed: 'canceled',
};

export function normalizeRecurlySubscription(subscription: Subscription): SubscriptionRecord {
  const id = required(subscription.id, 'subscription', 'id');
  const currency = subscription.currency ?? 'USD';
  const planId = subscription.plan?.id ?? null;
  const ending = subscription.state === 'canceled';
  const item = (externalId: string, priceId: string | null, quantity?: number | null, unit?: number | null) => ({
    externalId,
    priceExternalId: priceId,
    productExternalId: null,
    meterExternalId: null,
    quantity: quantity ?? null,
    unitAmount: minor(unit, currency),
    interval: null,
    intervalCount: null,
    usageType: null,
    currentPeriodStart: null,
    currentPeriodEnd: null,
  });
  return {
    externalId: id,
    customerExternalId: required(subscription.account?.id, 'subscription', 'account.id'),
    status: SUBSCRIPTION_STATUS[subscription.state ?? ''] ?? subscription.state ?? null,
    currentPeriodStart: subscription.currentPeriodStartedAt ?? null,
    currentPeriodEnd: subscription.currentPeriodEndsAt ?? null,
    cancelAtPeriodEnd: ending,
    cancelAt: ending ? (subscription.currentPeriodEndsAt ?? null) : null,
    canceledAt: subscription.canceledAt ?? null,
    items: [
      ...(planId ? [item(`${id}:${planId}`, planId, subscription.quantity, subscription.unitAmount)] : []),
      ...(subscription.addOns ?? []).flatMap((addOn) =>
        addOn.id ? [item(addOn.id, addOn.addOn?.id ?? null, addOn.quantity, addOn.unitAmount)] : [],
      ),
    ],
    planExternalId: planId,
    planProductExternalId: null,
    createdAt: subscription.createdAt ?? null,
  };
}

// pending / processing / past_due: issued and not yet paid (open); failed: dunning gave up
// (uncollectible); closed is a settled credit invoice.
const INVOICE_STATUS: Record<string, string> = {
  pending: 'open',
  processing: 'open',
  past_due: 'open',
  open: 'open',
  paid: 'paid',
  closed: 'paid',
  failed: 'uncollectible',
  voided: 'void',
};

function lineKind(line: LineItem): InvoiceLineKind {
  if (line.type === 'credit') return 'credit';
  if ((line.prorationRate ?? 1) < 1) return 'proration';
  if (line.origin === 'plan' || line.origin === 'add_on') return 'flat';
  return 'other';
}

export function normalizeRecurlyInvoice(invoice: Invoice): InvoiceRecord {
  const currency = required(invoice.currency, 'invoice', 'currency');
  const lines = invoice.lineItems ?? [];
  const starts = lines.flatMap((l) => (l.startDate ? [l.startDate.getTime()] : []));
  const ends = lines.flatMap((l) => (l.endDate ? [l.endDate.getTime()] : []));
  const status = INVOICE_STATUS[invoice.state ?? ''] ?? invoice.state ?? null;
  const balance = minor(invoice.balance, currency) ?? 0;
  return {
    externalId: required(invoice.id, 'invoice', 'id'),
    number: invoice.number ?? null,
    customerExternalId: required(invoice.account?.id, 'invoice', 'account.id'),
    subscriptionExternalId: invoice.subscriptionIds?.[0] ?? null,
    status,
    currency: currency.toLowerCase(),
    periodStart: starts.length ? new Date(Math.min(...starts)) : null,
    periodEnd: ends.length ? new Date(Math.max(...ends)) : null,
    subtotal: minor(invoice.subtotal, currency),
    tax: minor(invoice.tax, currency) ?? 0,
    total: minor(invoice.total, currency),
    amountDue: balance,
    amountPaid: minor(invoice.paid, currency) ?? 0,
    amountRemaining: balance,
    attemptCount: (invoice.transactions ?? []).filter((t) => t.type === 'purchase').length,
    nextPaymentAttempt: null,
    dueDate: invoice.dueAt ?? null,
    hostedInvoiceUrl: null,
    createdAt: invoice.createdAt ?? null,
    finalizedAt: invoice.createdAt ?? null,
    paidAt: status === 'paid' ? (invoice.closedAt ?? null) : null,
    lines: lines.flatMap((line) =>
      line.id
        ? [
            {
              externalId: line.id,
              description: line.description ?? null,
              amount: minor(line.amount, currency),
              currency: lower(line.currency) ?? currency.toLowerCase(),
              quantity: line.quantity ?? null,
              unitAmountDecimal: line.unitAmountDecimal ?? null,
              priceExternalId: line.addOnId ?? line.planId ?? null,
              meterExternalId: null,
              periodStart: line.startDate ?? null,
              periodEnd: line.endDate ?? null,
              proration: (line.prorationRate ?? 1) < 1,
              kind: lineKind(line),
            },
          ]
        : [],
    ),
    linesTruncated: invoice.hasMoreLineItems === true,
    discountAmount: minor(invoice.discount, currency) ?? 0,
    creditAmount: (invoice.creditPayments ?? []).reduce((sum, p) => sum + (minor(p.amount, currency) ?? 0), 0),
  };
}
