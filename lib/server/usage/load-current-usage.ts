import { getPool } from '@/lib/db';
import { periodUsageSql } from './meter-aggregation-sql';
import type { MeterUsage } from '@/lib/schemas/customers';

interface Row {
  customer_id: string;
  meter_key: string;
  meter_name: string;
  unit: string;
  aggregation: MeterUsage['aggregation'];
  used: string | null;
  included: string | null;
  hard_limit: string | null;
}

// Current-period usage per meter for each customer's live subscription, aggregated the way the
// meter says (meter-aggregation-sql.ts), against the plan's included quantity.
// One SQL round trip for a whole page of customers.
export async function loadCurrentUsage(customerIds: string[]): Promise<Map<string, MeterUsage[]>> {
  const result = new Map<string, MeterUsage[]>();
  if (!customerIds.length) return result;
  const { rows } = await getPool().query<Row>(
    `SELECT s.customer_id, m.key AS meter_key, m.name AS meter_name, m.unit, m.aggregation,
            l.included_quantity AS included, l.hard_limit,
            ${periodUsageSql({ meter: 'm', customer: 's.customer_id', from: 's.current_period_start', to: 's.current_period_end' })} AS used
       FROM subscriptions s
       JOIN plan_meter_limits l ON l.plan_id = s.plan_id
       JOIN meters m ON m.id = l.meter_id
      WHERE s.customer_id = ANY($1) AND s.status NOT IN ('canceled', 'incomplete_expired')
      ORDER BY s.customer_id, m.key`,
    [customerIds],
  );
  for (const r of rows) {
    const used = Number(r.used ?? 0);
    const included = r.included === null ? null : Number(r.included);
    const list = result.get(r.customer_id) ?? [];
    list.push({
      meterKey: r.meter_key,
      meterName: r.meter_name,
      unit: r.unit,
      aggregation: r.aggregation,
      used,
      included,
      hardLimit: r.hard_limit === null ? null : Number(r.hard_limit),
      utilisation: included ? used / included : null,
    });
    result.set(r.customer_id, list);
  }
  return result;
}
