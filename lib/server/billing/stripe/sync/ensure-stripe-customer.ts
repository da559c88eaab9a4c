import type { Tx } from '@/lib/db';
import type { SyncedPlatform } from '../stripe-handler-context';

// Events arrive out of order: a subscription or invoice may name a customer Tollgate has not
// seen yet. Creates a stub (name = the Stripe id, no sourceEventCreatedAt, so the customer's own
// events later fill it in whatever their time) and returns the local id.
// The caller holds the customer's object lock (lockStripeObjects), so two handlers never race
// to create the same stub.
// The customer belongs to one platform: a Chargebee customer id is looked up among Chargebee's.
export async function ensureStripeCustomer(
  tx: Tx,
  externalId: string,
  billingProvider: SyncedPlatform = 'stripe',
): Promise<string> {
  const where = { billingProvider_externalId: { billingProvider, externalId } };
  const existing = await tx.customer.findUnique({ where, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.customer.create({
    data: { billingProvider, externalId, name: externalId },
    select: { id: true },
  });
  return created.id;
}
