import type pg from 'pg';
import { getPool } from '@/lib/db';

// One processor per inbox event at a time, across every worker: a session-level advisory lock
// held on a dedicated connection for the whole run (claim → handler → outcome). A row left in
// 'processing' whose lock is free therefore belongs to a processor that died, and may be taken
// over; a row whose lock is held is being worked on right now.

const INBOX_LOCK_NAMESPACE = 7_311_201;

export async function withInboxLock<T>(
  inboxId: string,
  fn: (client: pg.PoolClient, locked: boolean) => Promise<T>,
): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked',
      [INBOX_LOCK_NAMESPACE, inboxId],
    );
    const locked = rows[0]?.locked === true;
    try {
      return await fn(client, locked);
    } finally {
      if (locked) {
        await client
          .query('SELECT pg_advisory_unlock($1::int4, hashtext($2))', [INBOX_LOCK_NAMESPACE, inboxId])
          .catch((err: Error) => {
            // Destroy the connection below rather than return it to the pool still holding the lock.
            broken = err;
          });
      }
    }
  } finally {
    client.release(broken);
  }
}

/** True when no processor holds the event's lock (probe only: taken and released at once). */
export async function isInboxLockFree(inboxId: string): Promise<boolean> {
  return withInboxLock(inboxId, async (_client, locked) => locked);
}
