import type pg from 'pg';

const MAX_ERROR_LENGTH = 2_000;

/** A readable one-line reason, with Stripe's error code when the SDK gave one. */
export function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; statusCode?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e?.code === 'string' ? ` [${e.code}]` : '';
  const status = typeof e?.statusCode === 'number' ? ` (HTTP ${e.statusCode})` : '';
  return `${message}${code}${status}`.slice(0, MAX_ERROR_LENGTH);
}

// Records a failed attempt on the inbox row. The handler's own transaction has rolled back, so
// nothing of the attempt remains; after the last allowed attempt the row is 'dead' (dead letter)
// and waits for an admin's replay.
export async function markInboxFailed(
  client: pg.PoolClient,
  inboxId: string,
  err: unknown,
  dead: boolean,
): Promise<void> {
  await client.query(
    `UPDATE webhook_events SET status = $2::"InboxStatus", last_error = $3, processed_at = (now() AT TIME ZONE 'UTC')
      WHERE id = $1 AND status = 'processing'`,
    [inboxId, dead ? 'dead' : 'failed', describeError(err)],
  );
}
