import type { Tx } from '@/lib/db';
import type { SyncedPlatform } from '../stripe-handler-context';

// Stripe sets customer.delinquent when the latest automatic invoice payment fails; we set it from
// invoice.payment_failed too, so the flag does not wait for a customer.updated that may come
// late. Not when a newer customer event is already stored: that event's flag is the truth.
// The caller holds the customer's object lock.
export async function markStripeCustomerDelinquent(
  tx: Tx,
  customerExternalId: string,
  eventCreatedAt: Date,
  billingProvider: SyncedPlatform = 'stripe',
): Promise<void> {
  await tx.customer.updateMany({
    where: {
      billingProvider,
      externalId: customerExternalId,
      OR: [{ sourceEventCreatedAt: null }, { sourceEventCreatedAt: { lte: eventCreatedAt } }],
    },
    data: { delinquent: true },
  });
}
