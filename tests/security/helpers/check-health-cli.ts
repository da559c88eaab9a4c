// Probes /api/health's check N times in its own process (its own DATABASE_URL) and reports the
// last answer and how many times the job table was counted.
import { getPool } from '../../../lib/db';
import { checkHealth } from '../../../lib/server/health/check-health';

const pool = getPool();
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
let jobScans = 0;
(pool as unknown as { query: typeof query }).query = (...args: unknown[]) => {
  if (String(args[0]).includes('FROM pgboss.job')) jobScans++;
  return query(...args);
};
let health;
for (let i = 0; i < Number(process.argv[2] ?? 1); i++) health = await checkHealth();
console.log(JSON.stringify({ health, jobScans }));
await pool.end().catch(() => {});
process.exit(0);
