import PgBoss from 'pg-boss';
import { getPool } from '@/lib/db';

// pg-boss keeps jobs in PostgreSQL (schema `pgboss`) and claims them with SELECT … FOR UPDATE
// SKIP LOCKED, so any number of instances can work the same queues without double-processing.
// It runs its SQL through the app's own pool.

const g = globalThis as unknown as { tollgateBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  g.tollgateBoss ??= (async () => {
    const pool = getPool();
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values as unknown[]) },
      schema: 'pgboss',
      // This process may only send; the worker (in-process or `npm run worker`) supervises.
      supervise: false,
      schedule: false,
    });
    boss.on('error', (err: Error) => console.error('[jobs]', err.message));
    await boss.start();
    return boss;
  })().catch((err) => {
    g.tollgateBoss = undefined;
    throw err;
  });
  return g.tollgateBoss;
}
