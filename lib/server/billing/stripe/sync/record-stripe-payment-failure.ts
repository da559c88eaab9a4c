import type { PaymentFailureRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import type { BillingSyncContext, StripeHandlerResult } from '../stripe-handler-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { lockStripeObjects } from './lock-stripe-objects';
import { upsertStripePayment } from './upsert-stripe-payment';

// One failed payment attempt, reported by up to three events (charge.failed,
// payment_intent.payment_failed, invoice.payment_failed) in any order, each knowing different
// ids. The payment intent becomes a Payment; the attempt is a PaymentAttempt keyed by the charge
// id when any event knows it (disputes name charges), else the payment intent id, else
// "<invoice id>#attempt-<n>", and is found again through any id it is known by (its key or its
// Payment). Events only fill what is still empty, so arrival order does not matter and a
// redelivery changes nothing. A guest payment with no customer, invoice or earlier attempt to
// tie it to cannot be stored (attempts belong to a customer): acknowledged with a note.
export async function recordStripePaymentFailure(
  ctx: BillingSyncContext,
  record: PaymentFailureRecord,
): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  const charge = record.chargeExternalId;
  const intent = record.paymentIntentExternalId;
  const invoiceKey =
    record.source === 'invoice' && !charge && !intent
      ? `${record.invoiceExternalId}#attempt-${record.attemptCount ?? 0}`
      : null;
  const keys = [charge, intent, invoiceKey].filter((k): k is string => Boolean(k));
  await lockStripeObjects(tx, [record.customerExternalId, ...keys]);

  const invoice = record.invoiceExternalId
    ? await tx.invoice.findUnique({
        where: { externalId: record.invoiceExternalId },
        select: { id: true, customerId: true, currency: true },
      })
    : null;
  const payment = intent
    ? await tx.payment.findUnique({ where: { externalId: intent }, select: { id: true, customerId: true } })
    : null;
  const matches = await tx.paymentAttempt.findMany({
    where: { OR: [{ externalId: { in: keys } }, ...(payment ? [{ paymentId: payment.id }] : [])] },
  });
  // Prefer the row keyed by the charge, then by the payment intent, then any of the intent's.
  const existing = keys.map((key) => matches.find((m) => m.externalId === key)).find(Boolean) ?? matches[0] ?? null;
  const customerId = record.customerExternalId
    ? await ensureStripeCustomer(tx, record.customerExternalId, ctx.platform)
    : (invoice?.customerId ?? existing?.customerId ?? payment?.customerId ?? null);
  if (!customerId)
    return { note: `no customer on ${record.source} ${record.externalId} (guest payment): no attempt recorded` };

  const currency = record.currency ?? invoice?.currency ?? 'usd';
  const paymentId = intent
    ? await upsertStripePayment(tx, {
        paymentIntentExternalId: intent,
        customerId,
        invoiceId: invoice?.id ?? null,
        amount: record.amount,
        currency,
      })
    : null;

  if (!existing) {
    await tx.paymentAttempt.create({
      data: {
        customerId,
        paymentId,
        invoiceId: invoice?.id ?? null,
        externalId: keys[0]!,
        amount: record.amount ?? 0,
        currency,
        succeeded: false,
        failureCode: record.failureCode,
        failureMessage: record.failureMessage,
        attemptedAt: record.attemptedAt ?? eventCreatedAt,
      },
    });
    return {};
  }
  const rekeyToCharge = charge && existing.externalId !== charge && !matches.some((m) => m.externalId === charge);
  await tx.paymentAttempt.update({
    where: { id: existing.id },
    data: {
      externalId: rekeyToCharge ? charge : existing.externalId,
      paymentId: existing.paymentId ?? paymentId,
      invoiceId: existing.invoiceId ?? invoice?.id ?? null,
      amount: existing.amount || (record.amount ?? 0),
      failureCode: existing.failureCode ?? record.failureCode,
      failureMessage: existing.failureMessage ?? record.failureMessage,
    },
  });
  return {};
}
