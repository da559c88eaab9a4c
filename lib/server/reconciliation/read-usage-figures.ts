import { getPool } from '@/lib/db';

export interface ForwardingFigures {
  customerId: string;
  meterId: string;
  accepted: number;
  forwarded: number;
  acknowledged: number;
  unacknowledgedEvents: number;
  flaggedEvents: number;
  rolledUp: number;
}

// Per customer × meter (meters mapped to Stripe), for events that occurred in [from, to): what
// Tollgate accepted, what its forwarding record says went to Stripe and was acknowledged, and
// what the hourly rollups hold for the same hours. Timestamps are UTC `timestamp` columns, so the
// bounds are turned into UTC explicitly.
export async function readUsageFigures(from: Date, to: Date, customerId: string | null): Promise<ForwardingFigures[]> {
  const { rows } = await getPool().query<{
    customer_id: string;
    meter_id: string;
    accepted: string;
    forwarded: string;
    acknowledged: string;
    unacked: number;
    flagged: number;
    rolled_up: string | null;
  }>(
    `WITH b AS (SELECT $1::timestamptz AT TIME ZONE 'UTC' AS lo, $2::timestamptz AT TIME ZONE 'UTC' AS hi),
     ev AS (
       SELECT e.customer_id, e.meter_id, sum(e.quantity) AS accepted,
              coalesce(sum(e.quantity) FILTER (WHERE f.status = 'batched'), 0) AS forwarded,
              coalesce(sum(e.quantity) FILTER (WHERE u.status = 'acked'), 0) AS acknowledged,
              count(*) FILTER (WHERE u.status IS DISTINCT FROM 'acked' AND f.status IS DISTINCT FROM 'flagged'
                                 AND u.status IS DISTINCT FROM 'flagged')::int AS unacked,
              count(*) FILTER (WHERE f.status = 'flagged' OR u.status = 'flagged')::int AS flagged
         FROM usage_events e
         JOIN meters m ON m.id = e.meter_id AND m.stripe_event_name IS NOT NULL
         LEFT JOIN usage_forwards f ON f.event_id = e.id
         LEFT JOIN usage_forward_units u ON u.id = f.unit_id, b
        WHERE e.occurred_at >= b.lo AND e.occurred_at < b.hi AND ($3::text IS NULL OR e.customer_id = $3)
        GROUP BY 1, 2
     )
     SELECT ev.customer_id, ev.meter_id, ev.accepted::text, ev.forwarded::text, ev.acknowledged::text, ev.unacked, ev.flagged,
            (SELECT sum(r.quantity) FROM usage_rollups_hourly r, b
              WHERE r.customer_id = ev.customer_id AND r.meter_id = ev.meter_id AND r.hour >= b.lo AND r.hour < b.hi)::text AS rolled_up
       FROM ev ORDER BY 1, 2`,
    [from, to, customerId],
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    meterId: r.meter_id,
    accepted: Number(r.accepted),
    forwarded: Number(r.forwarded),
    acknowledged: Number(r.acknowledged),
    unacknowledgedEvents: r.unacked,
    flaggedEvents: r.flagged,
    rolledUp: Number(r.rolled_up ?? 0),
  }));
}
