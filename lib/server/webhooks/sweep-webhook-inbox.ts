import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { getBoss } from '@/lib/server/jobs/boss';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { isInboxLockFree } from './inbox-lock';
import { PROCESS_WEBHOOK_EVENT_JOB } from './process-webhook-event-job';

export interface SweepOptions {
  /** The instant to sweep at; default the application clock. */
  now?: Date;
  limit?: number;
}

// Drives every retry and makes sure no event is lost between "stored" and "processed": the
// endpoint's enqueue can fail after the commit, a worker can die mid-attempt, an attempt fails
// and waits for its backoff. Every minute this enqueues the inbox rows of every source whose
// next_attempt_at is due and that have no job on the way:
//   received — the enqueue after receipt never ran (a minute's grace);
//   failed — its backoff has elapsed (retry-schedule.ts);
//   processing — its attempt's lease lapsed and its inbox lock is free (its processor is gone);
//   dead — scheduled again because it was dead-lettered before the retry horizon (the old limit).
// Rows parked (unparseable) or dead for good have no next_attempt_at: only a replay moves them.
// "No job on the way" is read from pg-boss's job table by singleton key (= inbox id): pg-boss
// only de-duplicates singleton keys on non-standard queue policies, and a second job would
// spend one of the event's attempts.
export async function sweepWebhookInbox(options: SweepOptions = {}): Promise<{ enqueued: string[] }> {
  const pool = getPool();
  await getBoss(); // makes sure pg-boss's schema exists before it is queried
  const now = options.now ?? clock.now();
  const { rows } = await pool.query<{ id: string; status: string }>(
    `SELECT id, status FROM webhook_events
      WHERE status IN ('received', 'failed', 'processing', 'dead')
        AND next_attempt_at <= ($1::timestamptz AT TIME ZONE 'UTC')
      ORDER BY next_attempt_at LIMIT $2`,
    [now.toISOString(), options.limit ?? 500],
  );
  if (!rows.length) return { enqueued: [] };
  const pending = await pool.query<{ key: string }>(
    `SELECT DISTINCT singleton_key AS key FROM pgboss.job
      WHERE name = $1 AND state IN ('created', 'retry', 'active') AND singleton_key = ANY($2::text[])`,
    [PROCESS_WEBHOOK_EVENT_JOB, rows.map((r) => r.id)],
  );
  const queued = new Set(pending.rows.map((r) => r.key));
  const enqueued: string[] = [];
  for (const row of rows) {
    if (queued.has(row.id)) continue;
    if (row.status === 'processing' && !(await isInboxLockFree(row.id))) continue;
    if (await enqueueWebhookEvent(row.id)) enqueued.push(row.id);
  }
  if (enqueued.length) console.log(`[webhooks] sweep enqueued ${enqueued.length} inbox event(s)`);
  return { enqueued };
}
