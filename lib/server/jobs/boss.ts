import PgBoss from 'pg-boss';
import { getPool } from '@/lib/db';

// pg-boss keeps jobs in PostgreSQL (schema `pgboss`) and claims them with SELECT … FOR UPDATE
// SKIP LOCKED, so any number of instances can work the same queues without double-processing.
// It runs its SQL through the app's own pool.

const g = globalThis as unknown as { tollgateBoss?: Promise<PgBoss> };

// A started pg-boss on the shared pool. Workers supervise and schedule; senders pass
// { supervise: false, schedule: false }.
export async function createBoss(
  label: string,
  options: { supervise?: boolean; schedule?: boolean } = {},
): Promise<PgBoss> {
  const pool = getPool();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values as unknown[]) },
    schema: 'pgboss',
    ...options,
  });
  boss.on('error', (err: Error) => console.error(`[${label}]`, err.message));
  await boss.start();
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  // This process only sends; the worker (in-process or `npm run worker`) supervises.
  g.tollgateBoss ??= createBoss('jobs', { supervise: false, schedule: false }).catch((err) => {
    g.tollgateBoss = undefined;
    throw err;
  });
  return g.tollgateBoss;
}
