import type pg from 'pg';

const MAX_ERROR_LENGTH = 2_000;

/** A readable one-line reason, with the sender's error code when its SDK gave one. */
export function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; statusCode?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e?.code === 'string' ? ` [${e.code}]` : '';
  const status = typeof e?.statusCode === 'number' ? ` (HTTP ${e.statusCode})` : '';
  return `${message}${code}${status}`.slice(0, MAX_ERROR_LENGTH);
}

export interface FailedAttempt {
  /** failed: retried at nextAttemptAt (null: parked until a replay); dead: the retry horizon is spent. */
  status: 'failed' | 'dead';
  error: string;
  nextAttemptAt: Date | null;
  now: Date;
}

// Records a failed attempt on the inbox row. The handler's own transaction has rolled back, so
// nothing of the attempt remains but this note.
export async function markInboxFailed(client: pg.PoolClient, inboxId: string, attempt: FailedAttempt): Promise<void> {
  await client.query(
    `UPDATE webhook_events
        SET status = $2::"InboxStatus", last_error = $3,
            processed_at = ($4::timestamptz AT TIME ZONE 'UTC'),
            next_attempt_at = ($5::timestamptz AT TIME ZONE 'UTC')
      WHERE id = $1 AND status = 'processing'`,
    [
      inboxId,
      attempt.status,
      attempt.error.slice(0, MAX_ERROR_LENGTH),
      attempt.now.toISOString(),
      attempt.nextAttemptAt?.toISOString() ?? null,
    ],
  );
}
