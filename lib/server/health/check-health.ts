import { getPool } from '@/lib/db';

export interface Health {
  status: 'ok' | 'degraded';
  database: { ok: boolean; latencyMs: number | null; error?: string };
  jobs: { ok: boolean; queued: number | null; failed: number | null; error?: string };
}

// For load balancers and tests: can we reach PostgreSQL, and is the job queue's schema there
// and draining? Answers quickly even when the database is down.
export async function checkHealth(): Promise<Health> {
  const pool = getPool();
  const started = performance.now();
  let database: Health['database'];
  try {
    await pool.query('SELECT 1');
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    database = { ok: false, latencyMs: null, error: (err as Error).message };
  }
  let jobs: Health['jobs'] = { ok: false, queued: null, failed: null, error: 'database unavailable' };
  if (database.ok) {
    try {
      const { rows } = await pool.query<{ queued: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
                count(*) FILTER (WHERE state = 'failed') AS failed
           FROM pgboss.job`,
      );
      jobs = { ok: true, queued: Number(rows[0]!.queued), failed: Number(rows[0]!.failed) };
    } catch (err) {
      jobs = { ok: false, queued: null, failed: null, error: (err as Error).message };
    }
  }
  return { status: database.ok && jobs.ok ? 'ok' : 'degraded', database, jobs };
}
