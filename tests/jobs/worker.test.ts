import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getPool } from '@/lib/db';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { startWorker } from '@/lib/server/worker/start-worker';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';

describe('job queue', () => {
  it('two workers on the same queue process each job exactly once', async () => {
    const pool = getPool();
    const table = `job_runs_${Date.now()}`;
    await pool.query(`CREATE TABLE ${table} (n int, worker text)`);
    const makeJob = (worker: string) =>
      defineJob({
        name: `test.count-${table}`,
        payloadSchema: z.object({ n: z.number().int() }),
        concurrency: 3,
        handler: async ({ n }) => {
          await pool.query(`INSERT INTO ${table} (n, worker) VALUES ($1, $2)`, [n, worker]);
        },
      });
    const a = await startWorker('a', [makeJob('a')], { loops: false });
    const b = await startWorker('b', [makeJob('b')], { loops: false });
    try {
      for (let n = 0; n < 40; n++) await enqueueJob(makeJob('sender'), { n });
      const deadline = Date.now() + 30_000;
      let count = 0;
      while (Date.now() < deadline) {
        count = Number((await pool.query(`SELECT count(*) AS c FROM ${table}`)).rows[0].c);
        if (count >= 40) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Let any double delivery surface before counting.
      await new Promise((r) => setTimeout(r, 1500));
      const { rows } = await pool.query(`SELECT n, count(*)::int AS times FROM ${table} GROUP BY n ORDER BY n`);
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => r.times === 1)).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('refuses to enqueue a payload that does not match the job schema', async () => {
    const job = defineJob({
      name: 'test.strict',
      payloadSchema: z.object({ id: z.string() }),
      handler: async () => {},
    });
    await expect(enqueueJob(job, { id: 42 } as never)).rejects.toThrow();
  });
});
