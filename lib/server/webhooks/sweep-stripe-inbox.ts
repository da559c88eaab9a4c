import { getPool } from '@/lib/db';
import { getBoss } from '@/lib/server/jobs/boss';
import { enqueueStripeEvent } from './enqueue-stripe-event';
import { isInboxLockFree } from './inbox-lock';
import { PROCESS_STRIPE_EVENT_JOB } from './process-stripe-event-job';
import { STRIPE_SOURCE } from './record-stripe-event';

export interface SweepOptions {
  /** Only rows whose last activity (receipt or last attempt) is older than this. */
  olderThanSeconds?: number;
  limit?: number;
}

// Events must never be lost between "stored" and "processed": the endpoint's enqueue can fail
// after the commit, a worker can die mid-run, a job can run out of retries while the event was
// busy. Every minute this re-enqueues inbox rows that need work and have no job on the way:
//   received / failed — idle for a minute;
//   processing — idle for a minute and its inbox lock free (its processor is gone).
// "No job on the way" is read from pg-boss's job table by singleton key (= inbox id): pg-boss
// only de-duplicates singleton keys on non-standard queue policies, and a second job would
// spend one of the event's attempts.
export async function sweepStripeInbox(options: SweepOptions = {}): Promise<{ enqueued: string[] }> {
  const pool = getPool();
  await getBoss(); // makes sure pg-boss's schema exists before it is queried
  const { rows } = await pool.query<{ id: string; status: string }>(
    `SELECT id, status FROM webhook_events
      WHERE source = $1 AND status IN ('received', 'failed', 'processing')
        AND COALESCE(processed_at, received_at) < (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)
      ORDER BY received_at LIMIT $3`,
    [STRIPE_SOURCE, options.olderThanSeconds ?? 60, options.limit ?? 500],
  );
  if (!rows.length) return { enqueued: [] };
  const pending = await pool.query<{ key: string }>(
    `SELECT DISTINCT singleton_key AS key FROM pgboss.job
      WHERE name = $1 AND state IN ('created', 'retry', 'active') AND singleton_key = ANY($2::text[])`,
    [PROCESS_STRIPE_EVENT_JOB, rows.map((r) => r.id)],
  );
  const queued = new Set(pending.rows.map((r) => r.key));
  const enqueued: string[] = [];
  for (const row of rows) {
    if (queued.has(row.id)) continue;
    if (row.status === 'processing' && !(await isInboxLockFree(row.id))) continue;
    if (await enqueueStripeEvent(row.id)) enqueued.push(row.id);
  }
  if (enqueued.length) console.log(`[webhooks] sweep re-enqueued ${enqueued.length} inbox event(s)`);
  return { enqueued };
}
