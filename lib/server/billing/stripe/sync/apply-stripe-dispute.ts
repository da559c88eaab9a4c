import type { Tx } from '@/lib/db';
import type { DisputeRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import type { StripeHandlerContext, StripeHandlerResult } from '../stripe-handler-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { lockStripeObjects } from './lock-stripe-objects';
import { olderThanStoredNote, storedOrderingKey } from './stored-ordering-key';

async function customerOfPayment(tx: Tx, charge: string, intent: string | null): Promise<string | null> {
  const attempt = await tx.paymentAttempt.findFirst({
    where: { externalId: { in: intent ? [charge, intent] : [charge] } },
    select: { customerId: true },
  });
  if (attempt || !intent) return attempt?.customerId ?? null;
  return (
    (await tx.payment.findUnique({ where: { externalId: intent }, select: { customerId: true } }))?.customerId ?? null
  );
}

// charge.dispute.created → the dispute (by external id). A dispute names its charge, not the
// customer: the customer comes from the expanded charge (a re-fetch expands it), else from the
// attempt or payment recorded for its charge / payment intent, else stays unknown (nullable).
// Disputes have no stored event time, so the ordering rule compares their status rank only
// (needs_response < under_review < won/lost): a later status is never walked back.
export async function applyStripeDispute(
  ctx: StripeHandlerContext,
  record: DisputeRecord,
): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  await lockStripeObjects(tx, [record.customerExternalId, record.externalId, record.chargeExternalId]);
  const stored = await tx.dispute.findUnique({
    where: { externalId: record.externalId },
    select: { id: true, status: true, customerId: true },
  });
  const storedKey = stored
    ? storedOrderingKey('dispute', record.externalId, eventCreatedAt, { status: stored.status })
    : null;
  const skipped = olderThanStoredNote(ctx.event.orderingKey, storedKey);
  if (skipped) return { note: skipped };

  const customerId = record.customerExternalId
    ? await ensureStripeCustomer(tx, record.customerExternalId)
    : ((await customerOfPayment(tx, record.chargeExternalId, record.paymentIntentExternalId)) ??
      stored?.customerId ??
      null);
  const data = {
    customerId,
    chargeExternalId: record.chargeExternalId,
    amount: record.amount ?? 0,
    currency: record.currency ?? 'usd',
    reason: record.reason ?? 'unknown',
    status: record.status ?? 'unknown',
    createdAt: record.createdAt ?? eventCreatedAt,
  };
  if (stored) await tx.dispute.update({ where: { id: stored.id }, data });
  else await tx.dispute.create({ data: { ...data, externalId: record.externalId } });
  return customerId
    ? {}
    : { note: `dispute ${record.externalId}: charge ${record.chargeExternalId} is not linked to a known customer` };
}
