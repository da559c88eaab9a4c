import type { Tx } from '@/lib/db';

// A customer's monthly recurring revenue in minor units: the flat fee of each live subscription's
// plan, a yearly plan counted as a twelfth. Usage overage is left out: it is not recurring.
// Currencies are not mixed in practice (one price book); the first subscription's is reported.
export async function getCustomerMrr(tx: Tx, customerId: string): Promise<{ mrrMinor: number; currency: string }> {
  const subs = await tx.subscription.findMany({
    where: { customerId, status: { in: ['active', 'trialing', 'past_due', 'unpaid'] } },
    select: { plan: { select: { basePriceMinor: true, interval: true, currency: true } } },
  });
  const mrrMinor = subs.reduce(
    (sum, s) => sum + (s.plan.interval === 'year' ? Math.round(s.plan.basePriceMinor / 12) : s.plan.basePriceMinor),
    0,
  );
  return { mrrMinor, currency: subs[0]?.plan.currency ?? 'usd' };
}
