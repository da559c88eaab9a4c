import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { normalizeDecimal, STRIPE_DEDUPE_WINDOW_MS } from './plan-meter-events';

export interface ClaimedUnit {
  id: string;
  eventName: string;
  stripeCustomerId: string;
  value: string;
  timestampMs: number;
  attempts: number;
}

// Claims up to `limit` due units (never sent, or waiting to retry, or whose lease lapsed because
// their forwarder died) with SKIP LOCKED and leases them for `leaseMs`. The lease is longer than
// a send's timeout, so a live forwarder always settles its claim before anyone may take it over.
// The due condition is in the locking query, so PostgreSQL re-checks it on a row another
// forwarder claimed meanwhile: one unit is never in flight twice.
//
// First, a unit whose first send is older than Stripe's identifier dedupe window and that was
// never acknowledged is flagged instead of resent: Stripe might count that resend again.
export async function claimForwardUnits(limit: number, leaseMs: number): Promise<ClaimedUnit[]> {
  const now = clock.now();
  const pool = getPool();
  await pool.query(
    `UPDATE usage_forward_units
        SET status = 'flagged',
            last_error = 'Not acknowledged within Stripe''s identifier dedupe window: not resent, so it cannot count twice. Check Stripe, then mark it.'
      WHERE status = 'sending' AND next_attempt_at <= ($1::timestamptz AT TIME ZONE 'UTC')
        AND first_sent_at < ($2::timestamptz AT TIME ZONE 'UTC')`,
    [now, new Date(now.getTime() - STRIPE_DEDUPE_WINDOW_MS)],
  );
  const { rows } = await pool.query<{
    id: string;
    event_name: string;
    stripe_customer_id: string;
    value: string;
    timestamp: Date;
    attempts: number;
  }>(
    `WITH due AS (
       SELECT id FROM usage_forward_units
        WHERE status IN ('queued', 'sending') AND next_attempt_at <= ($1::timestamptz AT TIME ZONE 'UTC')
        ORDER BY next_attempt_at
        LIMIT $2
          FOR UPDATE SKIP LOCKED
     )
     UPDATE usage_forward_units u
        SET status = 'sending', attempts = u.attempts + 1, next_attempt_at = ($3::timestamptz AT TIME ZONE 'UTC'),
            first_sent_at = COALESCE(u.first_sent_at, $1::timestamptz AT TIME ZONE 'UTC')
       FROM due WHERE u.id = due.id
     RETURNING u.id, u.event_name, u.stripe_customer_id, u.value::text, u.timestamp AT TIME ZONE 'UTC' AS timestamp, u.attempts`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows.map((r) => ({
    id: r.id,
    eventName: r.event_name,
    stripeCustomerId: r.stripe_customer_id,
    value: normalizeDecimal(r.value),
    timestampMs: r.timestamp.getTime(),
    attempts: r.attempts,
  }));
}
