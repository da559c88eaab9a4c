import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { getEnv, requireDatabaseUrl } from '@/lib/env';

// One pg pool per process, shared by Prisma (through the driver adapter) and by the few hot
// paths that use SQL directly (usage ingest, entitlement checks). Created lazily: `next build`
// imports route modules and must not need a database.

const globalForDb = globalThis as unknown as { tollgatePool?: pg.Pool; tollgatePrisma?: PrismaClient };

export function getPool(): pg.Pool {
  if (!globalForDb.tollgatePool) {
    const pool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: getEnv().DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 3_000,
    });
    // An idle client that loses its server must not crash the process. PostgreSQL stopping
    // (Ctrl-C stops it with the console) ends every idle client with 57P01: one line, not one
    // per client.
    let shutdownReported = false;
    pool.on('error', (err) => {
      if ((err as { code?: string }).code === '57P01') {
        if (!shutdownReported) console.error('[db] PostgreSQL is shutting down: idle connections closed');
        shutdownReported = true;
        return;
      }
      console.error('[db] idle client error:', err.message);
    });
    globalForDb.tollgatePool = pool;
  }
  return globalForDb.tollgatePool;
}

export function getDb(): PrismaClient {
  globalForDb.tollgatePrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.tollgatePrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
