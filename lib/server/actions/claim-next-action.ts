import { getPool } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import { clock } from '@/lib/clock';

export interface ClaimedAction {
  id: string;
  kind: ActionKind;
  executionKey: string;
  attempts: number;
  revision: number;
  customerId: string | null;
  /** When the first attempt was claimed: after ~a day the platform may have forgotten the key. */
  firstAttemptAt: Date | null;
}

// Claims one action to execute: an approved one that is due, or one left `executing` by a worker
// whose lease ran out (it crashed or hung). SKIP LOCKED lets many workers claim side by side; the
// lease (next_attempt_at) keeps another worker off it while this one works.
//
// Times come from the application clock as a timestamptz parameter, never the database's now():
// the columns are UTC `timestamp`s, so the parameter is turned into UTC explicitly (`AT TIME ZONE
// 'UTC'`) — comparing a `timestamp` with a `timestamptz` would go through the session's TimeZone.
export async function claimNextAction(leaseSeconds: number, now = clock.now()): Promise<ClaimedAction | null> {
  const { rows } = await getPool().query<{
    id: string;
    kind: ActionKind;
    execution_key: string;
    execution_attempts: number;
    current_revision: number;
    customer_id: string | null;
    first_attempt_at: Date | null;
  }>(
    `WITH t AS (SELECT ($2::timestamptz AT TIME ZONE 'UTC') AS now,
                       (($2::timestamptz + make_interval(secs => $1)) AT TIME ZONE 'UTC') AS lease_end)
     UPDATE actions SET status = 'executing', execution_attempts = execution_attempts + 1,
            first_attempt_at = COALESCE(first_attempt_at, t.now),
            next_attempt_at = t.lease_end, updated_at = t.now
       FROM t
      WHERE id = (SELECT id FROM actions, t
                   WHERE (status = 'approved' AND (next_attempt_at IS NULL OR next_attempt_at <= t.now))
                      OR (status = 'executing' AND next_attempt_at <= t.now)
                   ORDER BY next_attempt_at NULLS FIRST
                   LIMIT 1 FOR UPDATE OF actions SKIP LOCKED)
      RETURNING id, kind, execution_key, execution_attempts, current_revision, customer_id,
                first_attempt_at AT TIME ZONE 'UTC' AS first_attempt_at`,
    [leaseSeconds, now.toISOString()],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        kind: r.kind,
        executionKey: r.execution_key,
        attempts: r.execution_attempts,
        revision: r.current_revision,
        customerId: r.customer_id,
        firstAttemptAt: r.first_attempt_at,
      }
    : null;
}
