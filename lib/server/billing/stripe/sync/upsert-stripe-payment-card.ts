import type { PaymentMethodRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { idOf } from '@/lib/server/billing/stripe/normalize/read';
import type { StripeHandlerContext, StripeHandlerResult } from '../stripe-handler-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { lockStripeObjects } from './lock-stripe-objects';
import { olderThanStoredNote, storedOrderingKey } from './stored-ordering-key';

// payment_method.attached / updated / automatically_updated / detached → the customer's card row
// (by pm_… id), unless newer state is stored. A detach keeps the row with detached_at set: Stripe
// never re-attaches a detached method, so a late attach or update must find it and be skipped.
// Which card is the default is the customer's own field (customer.updated), not written here.
export async function upsertStripePaymentCard(
  ctx: StripeHandlerContext,
  record: PaymentMethodRecord,
): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  if (!record.card)
    return { note: `payment method ${record.externalId} is ${record.type ?? 'not a card'}: not stored` };
  // A detached snapshot has `customer: null`; the event's previous_attributes still names it.
  const customerExternalId =
    record.customerExternalId ?? idOf(ctx.envelope.data?.previous_attributes?.customer) ?? null;
  await lockStripeObjects(tx, [customerExternalId, record.externalId]);
  const stored = await tx.paymentCard.findUnique({
    where: { externalId: record.externalId },
    select: { id: true, customerId: true, detachedAt: true, expMonth: true, expYear: true, sourceEventCreatedAt: true },
  });
  const storedKey = stored
    ? storedOrderingKey('payment_method', record.externalId, stored.sourceEventCreatedAt, {
        customer: stored.detachedAt ? null : 'attached',
        card: { exp_month: stored.expMonth, exp_year: stored.expYear },
      })
    : null;
  const skipped = olderThanStoredNote(ctx.event.orderingKey, storedKey);
  if (skipped) return { note: skipped };

  const customerId =
    stored?.customerId ?? (customerExternalId ? await ensureStripeCustomer(tx, customerExternalId) : null);
  const data = {
    customerId,
    brand: record.card.brand,
    last4: record.card.last4,
    expMonth: record.card.expMonth,
    expYear: record.card.expYear,
    fingerprint: record.card.fingerprint,
    detachedAt: stored?.detachedAt ?? (record.detached ? eventCreatedAt : null),
    sourceEventCreatedAt: eventCreatedAt,
  };
  if (stored) await tx.paymentCard.update({ where: { id: stored.id }, data });
  else await tx.paymentCard.create({ data: { externalId: record.externalId, ...data } });
  return {};
}
