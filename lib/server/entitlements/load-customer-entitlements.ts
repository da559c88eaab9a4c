import type pg from 'pg';
import { getPool } from '@/lib/db';
import { periodUsageSql } from '@/lib/server/usage/meter-aggregation-sql';
import type { CustomerEntitlements, FailMode, MeterEntitlement, RefKind } from './entitlement-cache';
import { DEFAULT_PAST_DUE_POLICY, pastDueGrace } from './decide-past-due';

interface Row {
  customer_id: string;
  fail_mode: FailMode | null;
  period_end_ms: string | null;
  meter_key: string | null;
  aggregation: MeterEntitlement['aggregation'] | null;
  included: string | null;
  hard_limit: string | null;
  used: string | null;
  past_due_since_ms: string | null;
  allow_days: number | null;
  refuse_after_days: number | null;
}

const CUSTOMER_BY: Record<RefKind, string> = {
  id: 'SELECT id FROM customers WHERE id = $1 AND deleted_at IS NULL',
  // LIMIT 2: the same external id at two billing providers is ambiguous, and refused.
  external: 'SELECT id FROM customers WHERE external_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT 2',
  apiKey: `SELECT c.id FROM customer_api_keys k JOIN customers c ON c.id = k.customer_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND c.deleted_at IS NULL`,
};

// Entitled subscriptions: trialing, active and past_due (dunning grace). The newest period wins
// if a customer has several. Usage is read from the hourly rollups the way the meter aggregates
// (meter-aggregation-sql.ts); unique_count reads the events themselves (retained ≥ 35 days ≥ one period).
const sqlFor = (kind: RefKind) => `
WITH c AS (${CUSTOMER_BY[kind]}),
s AS (
  SELECT s.customer_id, s.plan_id, s.current_period_start, s.current_period_end, s.status
    FROM subscriptions s JOIN c ON c.id = s.customer_id
   WHERE s.status IN ('trialing', 'active', 'past_due')
   ORDER BY s.current_period_end DESC LIMIT 1
)
SELECT c.id AS customer_id, p.entitlement_fail_mode AS fail_mode,
       (extract(epoch FROM s.current_period_end AT TIME ZONE 'UTC') * 1000)::float8 AS period_end_ms,
       -- Past due: the first failed payment of the oldest unpaid invoice starts the dunning grace.
       CASE WHEN s.status = 'past_due' THEN
              (SELECT (extract(epoch FROM min(a.attempted_at) AT TIME ZONE 'UTC') * 1000)::float8
                 FROM payment_attempts a JOIN invoices i ON i.id = a.invoice_id
                WHERE i.customer_id = s.customer_id AND i.status = 'open' AND i.amount_remaining > 0
                  AND NOT a.succeeded)
       END AS past_due_since_ms, pd.allow_days, pd.refuse_after_days,
       m.key AS meter_key, m.aggregation, l.included_quantity AS included, l.hard_limit,
       ${periodUsageSql({ meter: 'm', customer: 's.customer_id', from: 's.current_period_start', to: 's.current_period_end' })} AS used
  FROM c
  LEFT JOIN s ON s.customer_id = c.id
  LEFT JOIN plans p ON p.id = s.plan_id
  LEFT JOIN past_due_policies pd ON pd.plan_id = s.plan_id
  LEFT JOIN plan_meter_limits l ON l.plan_id = s.plan_id
  LEFT JOIN meters m ON m.id = l.meter_id`;

const SQL: Record<RefKind, string> = { id: sqlFor('id'), external: sqlFor('external'), apiKey: sqlFor('apiKey') };

// One round trip: who the reference names, their entitled subscription's plan limits, period
// and current usage per meter. `ref` for apiKey is the key's sha256 hash.
export async function loadCustomerEntitlements(
  kind: RefKind,
  ref: string,
  client: Pick<pg.PoolClient, 'query'> = getPool(),
): Promise<CustomerEntitlements> {
  const { rows } = await client.query<Row>({ name: `tollgate_entitlements_${kind}`, text: SQL[kind], values: [ref] });
  const base = { meters: new Map<string, MeterEntitlement>(), expiresAt: 0, valid: true, pastDue: null };
  const ids = new Set(rows.map((r) => r.customer_id));
  if (ids.size !== 1)
    return {
      ...base,
      state: 'unknown_customer',
      customerId: null,
      failMode: null,
      periodEndMs: Infinity,
      resetsAt: null,
    };
  const first = rows[0]!;
  if (first.period_end_ms === null)
    return {
      ...base,
      state: 'no_subscription',
      customerId: first.customer_id,
      failMode: null,
      periodEndMs: Infinity,
      resetsAt: null,
    };
  for (const r of rows) {
    if (!r.meter_key) continue;
    base.meters.set(r.meter_key, {
      aggregation: r.aggregation!,
      included: Number(r.included),
      hardLimit: r.hard_limit === null ? null : Number(r.hard_limit),
      used: Number(r.used ?? 0),
    });
  }
  const periodEndMs = Number(first.period_end_ms);
  const policy =
    first.allow_days === null || first.refuse_after_days === null
      ? DEFAULT_PAST_DUE_POLICY
      : { allowDays: first.allow_days, refuseAfterDays: first.refuse_after_days };
  return {
    ...base,
    pastDue: first.past_due_since_ms === null ? null : pastDueGrace(Number(first.past_due_since_ms), policy),
    state: 'ok',
    customerId: first.customer_id,
    failMode: first.fail_mode,
    periodEndMs,
    resetsAt: new Date(periodEndMs).toISOString(),
  };
}
