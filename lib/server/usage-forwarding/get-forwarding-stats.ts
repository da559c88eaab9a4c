import { getPool } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import type { ForwardingStats } from '@/lib/schemas/usage-forwarding';

// What the ingest page shows about forwarding: the backlog, what is flagged, and the accept →
// acknowledgement lag over the last hour (both ends are database clock readings).
export async function getForwardingStats(): Promise<ForwardingStats> {
  const { rows } = await getPool().query<{
    pending: number;
    flagged_events: number;
    in_flight: number;
    flagged_units: number;
    acked: number;
    p50: number | null;
    p99: number | null;
    oldest: Date | null;
  }>(
    `WITH recent AS (
       SELECT extract(epoch FROM (acked_at - accepted_at)) * 1000 AS ms FROM usage_forward_units
        WHERE acked_at >= (clock_timestamp() AT TIME ZONE 'UTC') - interval '1 hour'
     )
     SELECT (SELECT count(*) FROM usage_forwards WHERE status = 'pending')::int AS pending,
            (SELECT count(*) FROM usage_forwards WHERE status = 'flagged')::int AS flagged_events,
            (SELECT count(*) FROM usage_forward_units WHERE status IN ('queued', 'sending'))::int AS in_flight,
            (SELECT count(*) FROM usage_forward_units WHERE status = 'flagged')::int AS flagged_units,
            (SELECT count(*) FROM recent)::int AS acked,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM recent) AS p50,
            (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) FROM recent) AS p99,
            (SELECT min(accepted_at) AT TIME ZONE 'UTC' FROM (
               SELECT accepted_at FROM usage_forwards WHERE status = 'pending'
               UNION ALL SELECT accepted_at FROM usage_forward_units WHERE status IN ('queued', 'sending')) o) AS oldest`,
  );
  const r = rows[0]!;
  const mode = getEnv().USAGE_FORWARDING;
  return {
    mode,
    configured: mode !== 'off' && (await resolveStripeClient()) !== null,
    pendingEvents: r.pending,
    inFlightUnits: r.in_flight,
    flaggedEvents: r.flagged_events,
    flaggedUnits: r.flagged_units,
    ackedLastHour: r.acked,
    lagP50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
    lagP99Ms: r.p99 === null ? null : Math.round(Number(r.p99)),
    oldestUnacknowledgedAt: r.oldest?.toISOString() ?? null,
  };
}
