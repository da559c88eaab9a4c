import type pg from 'pg';

export interface ClaimedInboxEvent {
  id: string;
  type: string;
  attempts: number;
  payload: unknown;
}

// Moves an event to 'processing' and counts the attempt. Only rows that still need work can be
// claimed: 'received', 'failed', or 'processing' left behind by a processor that died (the caller
// holds the event's inbox lock, so no live processor owns it). processed / ignored / dead → null.
export async function claimInboxEvent(client: pg.PoolClient, inboxId: string): Promise<ClaimedInboxEvent | null> {
  const { rows } = await client.query<ClaimedInboxEvent>(
    `UPDATE webhook_events SET status = 'processing', attempts = attempts + 1
      WHERE id = $1 AND status IN ('received', 'failed', 'processing')
      RETURNING id, type, attempts, payload`,
    [inboxId],
  );
  return rows[0] ?? null;
}
