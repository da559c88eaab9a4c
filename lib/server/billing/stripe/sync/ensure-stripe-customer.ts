import type { Tx } from '@/lib/db';

// Events arrive out of order: a subscription or invoice may name a customer Tollgate has not
// seen yet. Creates a stub (name = the Stripe id, no sourceEventCreatedAt, so the customer's own
// events later fill it in whatever their time) and returns the local id.
// The caller holds the customer's object lock (lockStripeObjects), so two handlers never race
// to create the same stub.
export async function ensureStripeCustomer(tx: Tx, externalId: string): Promise<string> {
  const where = { billingProvider_externalId: { billingProvider: 'stripe' as const, externalId } };
  const existing = await tx.customer.findUnique({ where, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.customer.create({
    data: { billingProvider: 'stripe', externalId, name: externalId },
    select: { id: true },
  });
  return created.id;
}
