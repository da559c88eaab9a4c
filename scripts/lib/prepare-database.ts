import { migrateDatabase } from '../../lib/server/db/migrate-database';
import { DEMO_USERS } from '../../prisma/factories/catalog';
import type { DemoDataOptions } from '../../prisma/factories/demo-data';
import { openLocalDatabase, type LocalDatabase } from './local-database';

export interface PrepareOptions {
  seed: boolean;
  demo?: DemoDataOptions;
}

// Open (or start) the database, apply pending migrations, and seed demo data on first run.
export async function prepareDatabase(options: PrepareOptions): Promise<LocalDatabase> {
  const db = await openLocalDatabase();
  process.env.DATABASE_URL = db.url;
  console.log(`[tollgate] database: ${db.source}`);
  const applied = await migrateDatabase(db.url);
  if (applied.length) console.log(`[tollgate] applied migrations: ${applied.join(', ')}`);
  if (options.seed) {
    const { getDb } = await import('../../lib/db');
    const { seedDemoData } = await import('../../prisma/seed/seed-demo-data');
    const started = Date.now();
    const result = await seedDemoData(getDb(), options.demo);
    if (result.seeded) {
      console.log(
        `[tollgate] seeded demo data: ${result.customers} customers, ${result.rollups} hourly usage rows (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      printDemoUsers();
    }
  }
  return db;
}

export function printDemoUsers() {
  console.log('[tollgate] demo users (change these passwords in Settings → Users):');
  for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(8)} ${u.email.padEnd(26)} password: ${u.password}`);
}
