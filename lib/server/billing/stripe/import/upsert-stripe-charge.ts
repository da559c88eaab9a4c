import { getDb } from '@/lib/db';
import type { PaymentStatus } from '@/generated/prisma/client';
import { ensureStripeCustomer } from '../sync/ensure-stripe-customer';
import { lockStripeObjects } from '../sync/lock-stripe-objects';
import { asBoolean, asDate, asInt, asString, get, idOf, requireId } from '../normalize/read';

const RANK: Record<PaymentStatus, number> = { failed: 0, pending: 1, succeeded: 2, refunded: 3, disputed: 3 };

function statusOf(charge: Record<string, unknown>): PaymentStatus {
  if (asBoolean(charge.disputed)) return 'disputed';
  if (asBoolean(charge.refunded)) return 'refunded';
  const status = asString(charge.status);
  return status === 'succeeded' ? 'succeeded' : status === 'pending' ? 'pending' : 'failed';
}

/*
 * A charge → the PaymentAttempt keyed by the charge id, and its payment intent → the Payment.
 * The failure webhooks write the same rows and only fill what is empty; the importer does the
 * same for failures and adds what webhooks never report (successful charges). A payment intent
 * retried after a failure has several charges: its status only ever moves up (failed < pending <
 * succeeded < refunded/disputed), so the order pages arrive in does not matter. A guest charge
 * (no customer) cannot be stored: attempts belong to a customer.
 */
export async function upsertStripeCharge(charge: Record<string, unknown>): Promise<string | null> {
  const id = requireId(charge.id, 'charge.id');
  const customerExternalId = idOf(charge.customer);
  if (!customerExternalId) return `charge ${id}: guest charge (no customer), not stored`;
  const intent = idOf(charge.payment_intent);
  const invoiceExternalId = idOf(charge.invoice) ?? idOf(get(charge, 'payment_details', 'invoice'));
  const status = statusOf(charge);
  const amount = asInt(charge.amount) ?? 0;
  const currency = asString(charge.currency) ?? 'usd';
  await getDb().$transaction(async (tx) => {
    await lockStripeObjects(tx, [customerExternalId, id, intent]);
    const customerId = await ensureStripeCustomer(tx, customerExternalId);
    const invoice = invoiceExternalId
      ? await tx.invoice.findUnique({ where: { externalId: invoiceExternalId }, select: { id: true } })
      : null;
    let paymentId: string | null = null;
    if (intent) {
      const payment = await tx.payment.findUnique({
        where: { externalId: intent },
        select: { id: true, status: true, invoiceId: true },
      });
      if (payment) {
        paymentId = payment.id;
        await tx.payment.update({
          where: { id: payment.id },
          data: {
            status: RANK[status] > RANK[payment.status] ? status : payment.status,
            invoiceId: payment.invoiceId ?? invoice?.id ?? null,
          },
        });
      } else {
        paymentId = (
          await tx.payment.create({
            data: { externalId: intent, customerId, invoiceId: invoice?.id ?? null, amount, currency, status },
            select: { id: true },
          })
        ).id;
      }
    }
    const attempt = {
      customerId,
      paymentId,
      invoiceId: invoice?.id ?? null,
      amount,
      currency,
      succeeded: asString(charge.status) === 'succeeded',
      failureCode: asString(charge.failure_code),
      failureMessage: asString(charge.failure_message),
      attemptedAt: asDate(charge.created) ?? new Date(0),
    };
    const existing = await tx.paymentAttempt.findUnique({
      where: { externalId: id },
      select: { id: true, paymentId: true, invoiceId: true },
    });
    if (existing) {
      await tx.paymentAttempt.update({
        where: { id: existing.id },
        data: {
          ...attempt,
          paymentId: existing.paymentId ?? paymentId,
          invoiceId: existing.invoiceId ?? attempt.invoiceId,
        },
      });
    } else {
      await tx.paymentAttempt.create({ data: { externalId: id, ...attempt } });
    }
  });
  return null;
}
