import { getPool } from '@/lib/db';
import type { MoneyTotal } from '@/lib/schemas/overview';

// The monthly recurring revenue of a set of customers, per currency: each live subscription's
// flat fee, a yearly plan counted as a twelfth (the rule getCustomerMrr states for one customer).
export async function sumCustomerMrr(customerIds: readonly string[]): Promise<MoneyTotal[]> {
  if (!customerIds.length) return [];
  const { rows } = await getPool().query<{ currency: string; mrr: string }>(
    `SELECT pl.currency,
            sum(CASE WHEN pl.interval = 'year' THEN round(pl.base_price_minor / 12.0) ELSE pl.base_price_minor END)::bigint AS mrr
       FROM subscriptions s
       JOIN plans pl ON pl.id = s.plan_id
      WHERE s.customer_id = ANY($1::text[]) AND s.status IN ('active', 'trialing', 'past_due', 'unpaid')
      GROUP BY pl.currency
      ORDER BY pl.currency`,
    [customerIds],
  );
  return rows.map((r) => ({ currency: r.currency, amountMinor: Number(r.mrr) }));
}
