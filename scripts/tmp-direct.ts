import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { migrateDatabase } from '../lib/server/db/migrate-database';
const dir = mkdtempSync(path.join(os.tmpdir(), 'direct-'));
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 58200 + Math.floor(Math.random() * 100), persistent: false });
await migrateDatabase(db.url);
process.env.DATABASE_URL = db.url;
const { getDb, getPool } = await import('../lib/db');
const { seedDemoData } = await import('../prisma/seed/seed-demo-data');
await seedDemoData(getDb(), { customers: 50, days: 2, seed: 7 });
const { ingestUsage } = await import('../lib/server/ingest/ingest-usage');
const caller = { tokenId: 't', source: 'direct' };
const run = Date.now();
let i = 0;
const mk = () => { const k = i++; return { idempotencyKey: `d${run}-${k}`, customerId: `cus_demo_${String((k % 50) + 1).padStart(3, '0')}`, meter: k % 2 ? 'api_calls' : 'compute_minutes', quantity: 1 + (k % 7), timestamp: new Date(Date.now() - (k % 3600) * 1000).toISOString(), properties: { route: `/v1/items/${k % 13}`, status: 200 } }; };
async function phase(name: string, size: number, conc: number, secs: number) {
  let events = 0; const end = performance.now() + secs * 1000; const t0 = performance.now();
  let cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: conc }, async () => { while (performance.now() < end) { const items = Array.from({ length: size }, mk); const body = JSON.parse(JSON.stringify(size === 1 ? items[0] : items)); await ingestUsage(caller, { mode: size === 1 ? 'single' : 'batch', format: 'json', items: size === 1 ? [body] : body }); events += size; } }));
  const el = (performance.now() - t0) / 1000; const cpu = process.cpuUsage(cpu0);
  console.log(name, { eventsPerSec: Math.round(events / el), nodeCpuPct: Math.round((cpu.user + cpu.system) / 1e4 / el) });
}
await phase('warm', 100, 4, 2);
await phase('batch100 c6', 100, 6, 6);
await phase('single c24', 1, 24, 6);
await getPool().end(); await db.stop();
process.exit(0);
