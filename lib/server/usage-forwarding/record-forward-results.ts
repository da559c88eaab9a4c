import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { forwardBackoffMs } from './plan-meter-events';
import type { ClaimedUnit } from './claim-forward-units';

export type SendResult =
  { unit: ClaimedUnit; outcome: 'acked' } | { unit: ClaimedUnit; outcome: 'retry' | 'refused'; error: string };

// Writes a round's outcomes in three statements, whatever its size. An acknowledgement is a fact
// about Stripe, so it is recorded even if this forwarder's lease lapsed meanwhile (acked is final,
// and stops any resend); a retry or a refusal is written only while the claim still stands (same
// attempt number), so a forwarder that lost its claim cannot overwrite a newer one's state.
// Acknowledgement time is the database's clock_timestamp(), like the events' received_at, so the
// accept → acknowledgement lag compares two readings of one clock.
export async function recordForwardResults(results: SendResult[]): Promise<void> {
  const pool = getPool();
  const acked = results.filter((r) => r.outcome === 'acked').map((r) => r.unit.id);
  if (acked.length)
    await pool.query(
      `UPDATE usage_forward_units SET status = 'acked', acked_at = clock_timestamp() AT TIME ZONE 'UTC', last_error = NULL
        WHERE id = ANY($1::text[]) AND status <> 'acked'`,
      [acked],
    );
  const now = clock.nowMs();
  const failed = results.filter((r) => r.outcome !== 'acked') as Extract<SendResult, { error: string }>[];
  for (const outcome of ['retry', 'refused'] as const) {
    const rows = failed.filter((r) => r.outcome === outcome);
    if (!rows.length) continue;
    await pool.query(
      `UPDATE usage_forward_units u
          SET status = $4::"UsageForwardUnitStatus", last_error = r.error, next_attempt_at = r.next_at AT TIME ZONE 'UTC'
         FROM unnest($1::text[], $2::int[], $3::text[], $5::timestamptz[]) AS r(id, attempts, error, next_at)
        WHERE u.id = r.id AND u.status = 'sending' AND u.attempts = r.attempts`,
      [
        rows.map((r) => r.unit.id),
        rows.map((r) => r.unit.attempts),
        rows.map((r) => r.error.slice(0, 500)),
        outcome === 'retry' ? 'sending' : 'flagged',
        rows.map((r) => new Date(now + forwardBackoffMs(r.unit.attempts))),
      ],
    );
  }
}
