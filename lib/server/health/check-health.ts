import { getPool } from '@/lib/db';

export interface Health {
  status: 'ok' | 'degraded';
  database: { ok: boolean; latencyMs: number | null; error?: string };
  jobs: { ok: boolean; queued: number | null; failed: number | null; error?: string };
}

// Job counts scan pgboss.job, which grows with every job: a load balancer probing every second
// must not pay for that each time, so the counts are refreshed at most this often.
const JOB_COUNTS_TTL_MS = 30_000;
let jobCounts: { at: number; queued: number; failed: number } | null = null;

// For load balancers and tests: can we reach PostgreSQL, and is the job queue's schema there and
// draining? Answers quickly even when the database is down. This is a public endpoint, so the
// errors are generic; the real ones go to the server log.
export async function checkHealth(): Promise<Health> {
  const pool = getPool();
  const started = performance.now();
  let database: Health['database'];
  try {
    await pool.query('SELECT 1');
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    console.error('[health] database check failed:', (err as Error).message);
    database = { ok: false, latencyMs: null, error: 'database unreachable' };
  }
  let jobs: Health['jobs'] = { ok: false, queued: null, failed: null, error: 'database unavailable' };
  if (database.ok) {
    try {
      const counts = await readJobCounts();
      jobs = counts
        ? { ok: true, queued: counts.queued, failed: counts.failed }
        : { ok: false, queued: null, failed: null, error: 'job queue not installed' };
    } catch (err) {
      console.error('[health] job queue check failed:', (err as Error).message);
      jobs = { ok: false, queued: null, failed: null, error: 'job queue check failed' };
    }
  }
  return { status: database.ok && jobs.ok ? 'ok' : 'degraded', database, jobs };
}

async function readJobCounts(): Promise<{ queued: number; failed: number } | null> {
  const pool = getPool();
  const { rows: present } = await pool.query<{ ok: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
  if (!present[0]?.ok) return null;
  if (jobCounts && performance.now() - jobCounts.at < JOB_COUNTS_TTL_MS) return jobCounts;
  const { rows } = await pool.query<{ queued: string; failed: string }>(
    `SELECT count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
            count(*) FILTER (WHERE state = 'failed') AS failed
       FROM pgboss.job`,
  );
  jobCounts = { at: performance.now(), queued: Number(rows[0]!.queued), failed: Number(rows[0]!.failed) };
  return jobCounts;
}
