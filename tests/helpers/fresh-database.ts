import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { migrateDatabase } from '@/lib/server/db/migrate-database';

// A brand-new, migrated database in the test cluster, for tests that need an empty world
// (seeding, migrations). Returns a Prisma client on it and a cleanup function.
export async function createFreshDatabase(label: string) {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `t_${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  const url = base.toString();
  await migrateDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url,
    db,
    pool,
    drop: async () => {
      await db.$disconnect();
      await pool.end();
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export const uniq = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
