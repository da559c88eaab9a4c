import { describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../helpers/fresh-database';
import { runTsx } from './helpers/run-tsx';

// Finding (low): /api/health is public, yet it returned the database's raw error text (host,
// port, user names) and counted the whole job table on every probe.

async function probe(databaseUrl: string, times: number) {
  const run = await runTsx(['tests/security/helpers/check-health-cli.ts', String(times)], {
    env: { DATABASE_URL: databaseUrl },
  });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    health: { status: string; database: { ok: boolean; error?: string }; jobs: { ok: boolean; error?: string } };
    jobScans: number;
  };
}

describe('/api/health', () => {
  it('reports an unreachable database without its error text', async () => {
    const { health } = await probe('postgresql://tollgate_secret_user:pw@127.0.0.1:1/tollgate', 1);
    expect(health.status).toBe('degraded');
    expect(health.database).toEqual({ ok: false, latencyMs: null, error: 'database unreachable' });
    expect(JSON.stringify(health)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|tollgate_secret_user/);
  }, 30_000);

  it('counts the job table at most once for many probes', async () => {
    const fresh = await createFreshDatabase('health');
    try {
      await fresh.pool.query(
        `CREATE SCHEMA pgboss; CREATE TABLE pgboss.job (state text); INSERT INTO pgboss.job VALUES ('created'), ('failed')`,
      );
      const { health, jobScans } = await probe(fresh.url, 25);
      expect(health).toMatchObject({ status: 'ok', jobs: { ok: true, queued: 1, failed: 1 } });
      expect(jobScans).toBe(1);
    } finally {
      await fresh.drop();
    }
  }, 60_000);

  it('says so, generically, when the job queue is not installed', async () => {
    const fresh = await createFreshDatabase('health_nojobs');
    try {
      const { health } = await probe(fresh.url, 1);
      expect(health.jobs).toEqual({ ok: false, queued: null, failed: null, error: 'job queue not installed' });
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});
