import { getDb, getPool } from '@/lib/db';
import { notFound } from '@/lib/errors';

export interface DriftEvent {
  id: string;
  source: string;
  idempotencyKey: string;
  quantity: string;
  occurredAt: string;
  acceptedAt: string;
  /** pending | flagged | the unit's state (queued, sending, acked, flagged). */
  forwardState: string;
  identifier: string | null;
  detail: string | null;
}

// The drill-down under a reconciliation row: the events of its customer, meter and period with
// where each one stands on its way to Stripe — the unacknowledged first, up to `limit`.
export async function listDriftEvents(
  reconciliationId: string,
  opts: { onlyUnacknowledged?: boolean; limit?: number } = {},
): Promise<DriftEvent[]> {
  const rec = await getDb().usageReconciliation.findUnique({
    where: { id: reconciliationId },
    select: { customerId: true, meterId: true, periodStart: true, periodEnd: true },
  });
  if (!rec) throw notFound('Reconciliation');
  const { rows } = await getPool().query<DriftEvent>(
    `SELECT e.id::text, e.source, e.idempotency_key AS "idempotencyKey", e.quantity::text,
            to_char(e.occurred_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
            to_char(e.received_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "acceptedAt",
            CASE WHEN f.event_id IS NULL THEN 'not_queued' WHEN f.status = 'batched' THEN u.status::text ELSE f.status::text END AS "forwardState",
            f.unit_id AS identifier, coalesce(f.flag_reason, u.last_error) AS detail
       FROM usage_events e
       LEFT JOIN usage_forwards f ON f.event_id = e.id
       LEFT JOIN usage_forward_units u ON u.id = f.unit_id
      WHERE e.customer_id = $1 AND e.meter_id = $2
        AND e.occurred_at >= ($3::timestamptz AT TIME ZONE 'UTC') AND e.occurred_at < ($4::timestamptz AT TIME ZONE 'UTC')
        AND (NOT $5::boolean OR u.status IS DISTINCT FROM 'acked')
      ORDER BY (u.status IS NOT DISTINCT FROM 'acked'), e.occurred_at, e.id
      LIMIT $6`,
    [rec.customerId, rec.meterId, rec.periodStart, rec.periodEnd, opts.onlyUnacknowledged ?? false, opts.limit ?? 200],
  );
  return rows;
}
