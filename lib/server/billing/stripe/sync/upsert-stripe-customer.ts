import type { CustomerRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import type { BillingSyncContext, StripeHandlerResult } from '../stripe-handler-context';
import { lockStripeObjects } from './lock-stripe-objects';
import { olderThanStoredNote, storedOrderingKey } from './stored-ordering-key';

// customer.created / updated / deleted → the local customer (billing_provider 'stripe',
// external_id cus_…; or the context's platform, e.g. Chargebee's customer_* events). A deletion
// keeps the row (invoices and history hang off it) and sets deleted_at; Stripe's deleted-customer
// stub carries no details, so they are left as they were.
export async function upsertStripeCustomer(
  ctx: BillingSyncContext,
  record: CustomerRecord,
): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  const billingProvider = ctx.platform ?? 'stripe';
  await lockStripeObjects(tx, [record.externalId]);
  const where = { billingProvider_externalId: { billingProvider, externalId: record.externalId } };
  const stored = await tx.customer.findUnique({
    where,
    select: { id: true, name: true, deletedAt: true, sourceEventCreatedAt: true },
  });
  const storedKey = stored
    ? storedOrderingKey('customer', record.externalId, stored.sourceEventCreatedAt, {
        deleted: stored.deletedAt !== null,
      })
    : null;
  const skipped = olderThanStoredNote(ctx.event.orderingKey, storedKey);
  if (skipped) return { note: skipped };

  const details = {
    name: record.name ?? record.email ?? stored?.name ?? record.externalId,
    email: record.email,
    metadata: record.metadata,
    defaultPaymentMethodExternalId: record.defaultPaymentMethodExternalId,
    ...(record.delinquent === null ? {} : { delinquent: record.delinquent }),
  };
  const lifecycle = {
    deletedAt: record.deleted ? (stored?.deletedAt ?? eventCreatedAt) : null,
    sourceEventCreatedAt: eventCreatedAt,
  };
  const isBareDeletion = record.deleted && record.createdAt === null;
  if (stored) {
    await tx.customer.update({
      where: { id: stored.id },
      data: isBareDeletion ? lifecycle : { ...details, ...lifecycle },
    });
  } else {
    await tx.customer.create({
      data: { billingProvider, externalId: record.externalId, ...details, ...lifecycle },
    });
  }
  // A deleted customer's entitlements change (its subscriptions end with it).
  if (record.deleted && stored) await notifyEntitlementsChanged(tx, [stored.id]);
  return {};
}
