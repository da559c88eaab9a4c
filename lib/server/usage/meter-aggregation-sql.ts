// What a meter's number means, stated once for every SQL reader: the customer page and list
// (loadCurrentUsage), the insights and the Usage Analyst (loadUsageWindow) and the entitlement
// check (loadCustomerEntitlements). Before this module the console summed unique_count rollups
// while the gateway counted distinct values, so the page and the gateway disagreed.
//
// - sum:          the events' quantities added up (hourly rollups' `quantity`)
// - count:        the number of events (rollups' `event_count`)
// - max:          the largest single quantity (rollups' `max_quantity`)
// - unique_count: distinct values of the meter's `unique_property` (from the events: a distinct
//                 count is not additive across hours, so rollups cannot answer it)
//
// The pure reference (lib/analytics/meter-aggregation.ts) computes the same from a list of events;
// tests/usage/aggregation-agreement.test.ts checks every reader against it.

/** SQL identifiers and expressions of the query the fragment goes into. */
export interface PeriodUsageRefs {
  /** Alias of the `meters` row (needs `aggregation`, `id`, `unique_property`). */
  meter: string;
  /** Expression for the customer id. */
  customer: string;
  /** Expressions for the half-open interval [from, to). */
  from: string;
  to: string;
}

/** A scalar SQL expression: the meter's usage for the customer in [from, to), NULL when nothing was recorded. */
export function periodUsageSql({ meter, customer, from, to }: PeriodUsageRefs): string {
  return `CASE WHEN ${meter}.aggregation = 'unique_count' THEN
      (SELECT NULLIF(count(DISTINCT e.properties ->> ${meter}.unique_property), 0)::numeric FROM usage_events e
        WHERE e.customer_id = ${customer} AND e.meter_id = ${meter}.id
          AND e.occurred_at >= ${from} AND e.occurred_at < ${to})
    WHEN ${meter}.id IS NOT NULL THEN
      (SELECT CASE ${meter}.aggregation WHEN 'max' THEN MAX(r.max_quantity)
                WHEN 'count' THEN SUM(r.event_count)::numeric ELSE SUM(r.quantity) END
         FROM usage_rollups_hourly r
        WHERE r.customer_id = ${customer} AND r.meter_id = ${meter}.id
          AND r.hour >= ${from} AND r.hour < ${to})
  END`;
}

export interface HourlyUsageRefs {
  customer: string;
  /** Plan whose metered meters are read. */
  plan: string;
  from: string;
  to: string;
  /** Where the current period starts: unique values are counted afresh from it. */
  periodStart: string;
}

/**
 * Rows (meter_id, hour, value) of per-hour usage, one per hour with usage. For sum, count and max
 * the hour's rollup; for unique_count the values first seen in that hour (within the current
 * period, or within the stretch before it), so that adding a period's hours gives its distinct
 * count and a max over hours is never asked of them — forecasts and charts stay additive.
 */
export function hourlyUsageSql({ customer, plan, from, to, periodStart }: HourlyUsageRefs): string {
  return `SELECT r.meter_id, r.hour,
          CASE m.aggregation WHEN 'max' THEN r.max_quantity WHEN 'count' THEN r.event_count::numeric ELSE r.quantity END AS value
     FROM usage_rollups_hourly r JOIN meters m ON m.id = r.meter_id
     JOIN plan_meter_limits l ON l.meter_id = r.meter_id AND l.plan_id = ${plan}
    WHERE r.customer_id = ${customer} AND r.hour >= ${from} AND r.hour < ${to} AND m.aggregation <> 'unique_count'
   UNION ALL
   SELECT f.meter_id, date_trunc('hour', f.first_seen) AS hour, count(*)::numeric AS value
     FROM (SELECT e.meter_id, min(e.occurred_at) AS first_seen
             FROM usage_events e JOIN meters m ON m.id = e.meter_id
             JOIN plan_meter_limits l ON l.meter_id = e.meter_id AND l.plan_id = ${plan}
            WHERE e.customer_id = ${customer} AND m.aggregation = 'unique_count'
              AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
              AND e.properties ->> m.unique_property IS NOT NULL
            GROUP BY e.meter_id, e.properties ->> m.unique_property, e.occurred_at >= ${periodStart}) f
    GROUP BY f.meter_id, date_trunc('hour', f.first_seen)`;
}
