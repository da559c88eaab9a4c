import { getPool } from '@/lib/db';
import { DAY_MS, HOUR_MS } from './insight-rules';
import { clock } from '@/lib/clock';

// Ingest rejects events older than this, so older rollups say nothing about ingestion now.
const INGEST_HORIZON_DAYS = 35;
// The share of active customers that must have reported up to an hour for it to count as arrived.
const QUORUM = 0.75;

// The time usage is analysed "as of": now, unless ingestion as a whole is behind — then the hour
// up to which most active customers' usage has arrived (the 75th percentile of each customer's
// newest rollup). A paused pipeline, or a demo world seeded days ago, must not look like every
// customer dropping to zero; while one customer that stopped sending still does, and a few
// customers sending fresh usage to a stale world do not move the clock. One indexed max() per
// customer and meter.
export async function getAnalysisClock(now = clock.now()): Promise<Date> {
  const { rows } = await getPool().query<{ watermark: Date | null }>(
    `SELECT percentile_disc(${QUORUM}) WITHIN GROUP (ORDER BY latest) AS watermark
       FROM (SELECT s.customer_id, max(x.h) AS latest
               FROM subscriptions s
               JOIN plan_meter_limits l ON l.plan_id = s.plan_id
              CROSS JOIN LATERAL (SELECT max(r.hour) AS h FROM usage_rollups_hourly r
                                   WHERE r.customer_id = s.customer_id AND r.meter_id = l.meter_id AND r.hour >= $1) x
              WHERE s.status IN ('active', 'trialing', 'past_due')
              GROUP BY s.customer_id) c
      WHERE latest IS NOT NULL`,
    [new Date(now.getTime() - INGEST_HORIZON_DAYS * DAY_MS)],
  );
  const watermark = rows[0]?.watermark;
  if (!watermark) return now;
  return new Date(Math.min(now.getTime(), watermark.getTime() + HOUR_MS));
}
