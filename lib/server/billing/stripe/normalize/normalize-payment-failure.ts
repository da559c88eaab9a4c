import {
  paymentFailureRecordSchema,
  type PaymentFailureRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
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
  StripeNormalizeError,
  type StripeObjectLike,
} from './read';

// One failed payment attempt reported by any of three events (Stripe usually sends all three
// for one attempt; handlers correlate them through chargeExternalId / paymentIntentExternalId):
//   charge.failed                  → a charge
//   payment_intent.payment_failed  → a payment intent (reason in last_payment_error)
//   invoice.payment_failed         → an invoice (reason only if charge / payment intent expanded)
// Before basil, charges, payment intents and invoices point at each other directly
// (charge.invoice, payment_intent.invoice, invoice.charge, invoice.payment_intent); from basil
// on, the invoice side lives in invoice.payments and charge/payment intent lose `invoice`.

export type NormalizePaymentFailureContext = {
  /** event.created (Unix seconds): the attempt time when the object does not carry one. */
  eventCreated?: number;
};

function fromCharge(charge: StripeObjectLike, ctx: NormalizePaymentFailureContext) {
  const id = requireId(charge.id, 'charge.id');
  return {
    externalId: id,
    source: 'charge',
    customerExternalId: idOf(charge.customer),
    invoiceExternalId: idOf(charge.invoice),
    chargeExternalId: id,
    paymentIntentExternalId: idOf(charge.payment_intent),
    amount: asInt(charge.amount),
    currency: asString(charge.currency),
    failureCode: specificFirst(asString(charge.failure_code), asString(get(charge, 'outcome', 'reason'))),
    failureMessage: firstOf(asString(charge.failure_message), asString(get(charge, 'outcome', 'seller_message'))),
    attemptCount: null,
    attemptedAt: asDate(charge.created) ?? asDate(ctx.eventCreated),
  };
}

function fromPaymentIntent(intent: StripeObjectLike, ctx: NormalizePaymentFailureContext) {
  const error = intent.last_payment_error;
  const id = requireId(intent.id, 'payment_intent.id');
  return {
    externalId: id,
    source: 'payment_intent',
    customerExternalId: firstOf(idOf(intent.customer), idOf(intent.customer_account)),
    invoiceExternalId: idOf(intent.invoice),
    chargeExternalId: firstOf(idOf(get(error, 'charge')), idOf(intent.latest_charge)),
    paymentIntentExternalId: id,
    amount: asInt(intent.amount),
    currency: asString(intent.currency),
    failureCode: firstOf(
      specificFirst(asString(get(error, 'code')), asString(get(error, 'decline_code'))),
      asString(get(error, 'type')),
    ),
    failureMessage: asString(get(error, 'message')),
    attemptCount: null,
    attemptedAt: asDate(get(intent, 'latest_charge', 'created')) ?? asDate(ctx.eventCreated) ?? asDate(intent.created),
  };
}

// Stripe reports a bank's refusal as the umbrella code `card_declined` with the specific reason
// beside it (a charge's outcome.reason, a payment intent's decline_code): the specific one is
// what tells insufficient funds from a stolen card, so it is kept when present.
const GENERIC_DECLINE = 'card_declined';
const specificFirst = (code: string | null, specific: string | null) =>
  code === GENERIC_DECLINE || code === null ? firstOf(specific, code) : code;

/** The default (else the latest listed) invoice payment, basil+. */
function invoicePayment(invoice: StripeObjectLike): unknown {
  const payments = listData(invoice.payments);
  return payments.find((p) => get(p, 'is_default') === true) ?? payments[payments.length - 1] ?? null;
}

function fromInvoice(invoice: StripeObjectLike, ctx: NormalizePaymentFailureContext) {
  const payment = get(invoicePayment(invoice), 'payment');
  const charge = invoice.charge ?? get(payment, 'charge');
  const intent = invoice.payment_intent ?? get(payment, 'payment_intent');
  const id = requireId(invoice.id, 'invoice.id');
  return {
    externalId: id,
    source: 'invoice',
    customerExternalId: firstOf(idOf(invoice.customer), idOf(invoice.customer_account)),
    invoiceExternalId: id,
    chargeExternalId: idOf(charge),
    paymentIntentExternalId: idOf(intent),
    amount: asInt(invoice.amount_remaining) ?? asInt(invoice.amount_due),
    currency: asString(invoice.currency),
    // Only available when the charge / payment intent was expanded on a re-fetch.
    failureCode: firstOf(
      specificFirst(asString(get(charge, 'failure_code')), asString(get(charge, 'outcome', 'reason'))),
      specificFirst(
        asString(get(intent, 'last_payment_error', 'code')),
        asString(get(intent, 'last_payment_error', 'decline_code')),
      ),
    ),
    failureMessage: firstOf(
      asString(get(charge, 'failure_message')),
      asString(get(intent, 'last_payment_error', 'message')),
    ),
    attemptCount: asInt(invoice.attempt_count),
    attemptedAt: asDate(ctx.eventCreated),
  };
}

/** A failed charge, payment intent or invoice (any API version) → PaymentFailureRecord. */
export function normalizePaymentFailure(
  object: unknown,
  ctx: NormalizePaymentFailureContext = {},
): PaymentFailureRecord {
  const obj = assertObjectType(object, ['charge', 'payment_intent', 'invoice'], 'payment failure');
  const kind = obj.object;
  const record =
    kind === 'charge'
      ? fromCharge(obj, ctx)
      : kind === 'payment_intent'
        ? fromPaymentIntent(obj, ctx)
        : kind === 'invoice'
          ? fromInvoice(obj, ctx)
          : null;
  if (record === null) {
    throw new StripeNormalizeError('payment failure.object', 'expected charge | payment_intent | invoice');
  }
  return paymentFailureRecordSchema.parse(record);
}
