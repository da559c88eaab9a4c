import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { CustomerApiErrors } from '@/lib/schemas/support';

// Recent API errors of a customer, read from its usage events. Gateways send each metered request
// with its properties (`{ route, status }`, see scripts/bench-ingest.ts); the names vary by
// producer, so the endpoint is the first of route / endpoint / path and the status the first of
// status / status_code / http_status that is present. An error is a status of 400 or more.
const ENDPOINT = `COALESCE(properties->>'route', properties->>'endpoint', properties->>'path', '(unknown endpoint)')`;
const STATUS_TEXT = `COALESCE(properties->>'status', properties->>'status_code', properties->>'http_status')`;
// A status that is not an integer (e.g. "ok") is not an HTTP status: NULL, never an error.
const STATUS = `CASE WHEN ${STATUS_TEXT} ~ '^[0-9]{3}$' THEN (${STATUS_TEXT})::int END`;

export async function getCustomerApiErrors(customerId: string, days = 7, maxGroups = 20): Promise<CustomerApiErrors> {
  const since = new Date(clock.nowMs() - days * 86_400_000);
  const pool = getPool();
  const [groups, totals] = await Promise.all([
    pool.query<{ endpoint: string; status: number; count: string; last_seen: Date }>(
      `SELECT ${ENDPOINT} AS endpoint, ${STATUS} AS status, COUNT(*) AS count, MAX(occurred_at) AS last_seen
         FROM usage_events
        WHERE customer_id = $1 AND occurred_at >= $2 AND ${STATUS} >= 400
        GROUP BY 1, 2
        ORDER BY COUNT(*) DESC, MAX(occurred_at) DESC
        LIMIT $3`,
      [customerId, since, maxGroups],
    ),
    pool.query<{ total: string; errors: string }>(
      `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE ${STATUS} >= 400) AS errors
         FROM usage_events WHERE customer_id = $1 AND occurred_at >= $2`,
      [customerId, since],
    ),
  ]);
  return {
    customerId,
    since: since.toISOString(),
    totalEvents: Number(totals.rows[0]?.total ?? 0),
    errorEvents: Number(totals.rows[0]?.errors ?? 0),
    groups: groups.rows.map((r) => ({
      endpoint: r.endpoint,
      status: r.status,
      count: Number(r.count),
      lastSeenAt: r.last_seen.toISOString(),
    })),
  };
}
