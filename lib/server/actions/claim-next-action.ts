import { getPool } from '@/lib/db';

export interface ClaimedAction {
  id: string;
  kind: 'plan_change' | 'credit' | 'dunning_step' | 'email' | 'crm_task' | 'slack_post';
  executionKey: string;
  attempts: number;
  revision: number;
  customerId: string | null;
}

// Claims one action to execute: an approved one that is due, or one left `executing` by a worker
// whose lease ran out (it crashed or hung). SKIP LOCKED lets many workers claim side by side; the
// lease (next_attempt_at) keeps another worker off it while this one works.
export async function claimNextAction(leaseSeconds: number): Promise<ClaimedAction | null> {
  const { rows } = await getPool().query<{
    id: string;
    kind: ClaimedAction['kind'];
    execution_key: string;
    execution_attempts: number;
    current_revision: number;
    customer_id: string | null;
  }>(
    `UPDATE actions SET status = 'executing', execution_attempts = execution_attempts + 1,
            next_attempt_at = now() + make_interval(secs => $1), updated_at = now()
      WHERE id = (SELECT id FROM actions
                   WHERE (status = 'approved' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
                      OR (status = 'executing' AND next_attempt_at <= now())
                   ORDER BY next_attempt_at NULLS FIRST
                   LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, execution_key, execution_attempts, current_revision, customer_id`,
    [leaseSeconds],
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
      }
    : null;
}
