import type pg from 'pg';
import { ATTEMPT_LEASE_SECONDS } from './inbox-timing';

export interface ClaimedInboxEvent {
  id: string;
  source: string;
  eventId: string;
  type: string;
  attempts: number;
  rawBody: string;
}

// Moves an event to 'processing', counts the attempt and sets the lease after which the sweep
// looks at it again (should this processor die). Only rows that still need work can be claimed:
// 'received', 'failed', 'processing' left behind by a processor that died (the caller holds the
// event's inbox lock, so no live processor owns it), and 'dead' rows the sweep has scheduled
// again (dead-lettered before the retry horizon). processed / ignored / dead for good → null.
// Timestamps are `timestamp` (UTC) columns: the application clock is passed in and converted.
export async function claimInboxEvent(
  client: pg.PoolClient,
  inboxId: string,
  now: Date,
): Promise<ClaimedInboxEvent | null> {
  const { rows } = await client.query<ClaimedInboxEvent>(
    `UPDATE webhook_events SET status = 'processing', attempts = attempts + 1,
            next_attempt_at = ($2::timestamptz AT TIME ZONE 'UTC') + make_interval(secs => $3)
      WHERE id = $1
        AND (status IN ('received', 'failed', 'processing') OR (status = 'dead' AND next_attempt_at IS NOT NULL))
      RETURNING id, source, event_id AS "eventId", type, attempts, raw_body AS "rawBody"`,
    [inboxId, now.toISOString(), ATTEMPT_LEASE_SECONDS],
  );
  return rows[0] ?? null;
}
