import type { Tx } from '@/lib/db';
import type { TrafficRow } from '@/lib/analytics/sla-cohort';

// Usage events of the given customers in [from, to), summed per customer, minute, region,
// service, endpoint and outcome. The properties gateways send are free-form JSON; this reads
// `status` (an HTTP code — 5xx is a failure, 429 and other 4xx are the caller's — or a word such
// as "error"), `region`, `service` and `endpoint`; an event without `status` (compute minutes,
// storage) says nothing about availability and is left out. A request's weight is its quantity
// (a batched event of 100 calls is 100 requests). Every meter is passed so the query runs on the
// (customer, meter, occurred_at) index instead of scanning the table by time.
export async function readIncidentTraffic(
  tx: Tx,
  customerIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, TrafficRow[]>> {
  const byCustomer = new Map<string, TrafficRow[]>();
  if (!customerIds.length || to <= from) return byCustomer;
  const meters = (await tx.meter.findMany({ select: { id: true } })).map((m) => m.id);
  const rows = await tx.$queryRaw<
    {
      customer_id: string;
      minute: Date;
      region: string;
      service: string;
      endpoint: string;
      failed: boolean;
      requests: number;
    }[]
  >`
    SELECT customer_id,
           date_trunc('minute', occurred_at) AS minute,
           coalesce(properties->>'region', '') AS region,
           coalesce(properties->>'service', '') AS service,
           coalesce(properties->>'endpoint', '') AS endpoint,
           CASE WHEN properties->>'status' ~ '^[0-9]{3}$' THEN (properties->>'status')::int >= 500
                ELSE coalesce(lower(properties->>'status'), '') IN ('error', 'failed', 'failure', 'timeout', 'unavailable')
           END AS failed,
           sum(quantity)::float8 AS requests
      FROM usage_events
     WHERE customer_id = ANY(${customerIds}::text[])
       AND meter_id = ANY(${meters}::text[])
       AND occurred_at >= ${from} AND occurred_at < ${to}
       AND properties->>'status' IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6`;
  for (const r of rows) {
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push({
      minute: r.minute.getTime(),
      region: r.region,
      service: r.service,
      endpoint: r.endpoint,
      failed: r.failed,
      requests: Math.round(r.requests),
    });
    byCustomer.set(r.customer_id, list);
  }
  return byCustomer;
}
