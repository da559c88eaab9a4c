import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/server/db/embedded-postgres';
import { migrateDatabase } from '@/lib/server/db/migrate-database';
import { httpJson, spawnIngestServer, type IngestServer } from '../helpers/spawn-ingest-server';
import { createUsageWorld, event, type UsageWorld } from '../helpers/usage-world';

// Its own PostgreSQL, stopped and started under a running server: ingestion answers 503 (never
// 2xx) while it is down and recovers by itself; entitlement checks answer by each plan's fail
// mode (unknown customers: closed) and return to normal answers.

let dir: string;
let pgServer: EmbeddedDatabase | undefined;
let server: IngestServer | undefined;
let open: UsageWorld;
let closed: UsageWorld;
const port = 57000 + Math.floor(Math.random() * 900);

const startDb = () => startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, persistent: true });
const until = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('database outage', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-outage-'));
    pgServer = await startDb();
    await migrateDatabase(pgServer.url);
    const pool = new pg.Pool({ connectionString: pgServer.url, max: 2 });
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    open = await createUsageWorld({ failMode: 'open' }, db);
    closed = await createUsageWorld({ failMode: 'closed' }, db);
    await db.$disconnect();
    await pool.end();
    server = await spawnIngestServer(pgServer.url);
  }, 120_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await pgServer?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'answers 503 while PostgreSQL is down, fails open/closed per plan, and recovers',
    { timeout: 90_000 },
    async () => {
      const usage = (w: UsageWorld, body: unknown) => httpJson(`${server!.url}/api/v1/usage`, w.token, body);
      const check = (w: UsageWorld, body: Record<string, unknown>) =>
        httpJson(`${server!.url}/api/v1/entitlements/check`, w.token, { meter: w.meters.capped, ...body });

      expect((await usage(open, event(open))).status).toBe(202);
      // The server learns each plan's fail mode from a normal check.
      expect((await check(open, { customerId: open.customerId })).body).toMatchObject({
        allowed: true,
        reason: 'within_limit',
      });
      expect((await check(closed, { apiKey: closed.apiKey })).body).toMatchObject({
        allowed: true,
        reason: 'within_limit',
      });

      await pgServer!.stop();
      const pending = event(open, { idempotencyKey: `outage-${open.source}` });
      for (let i = 0; i < 5; i++) {
        const single = await usage(open, pending);
        expect(single.status).toBe(503);
        expect(single.body.error.code).toBe('database_unavailable');
        expect((await usage(open, [event(open), event(open)])).status).toBe(503);
      }
      expect((await check(open, { customerId: open.customerId })).body).toMatchObject({
        allowed: true,
        reason: 'fail_open',
      });
      expect((await check(closed, { apiKey: closed.apiKey })).body).toMatchObject({
        allowed: false,
        reason: 'fail_closed',
      });
      expect((await check(closed, { customerId: closed.customerId })).body).toMatchObject({
        allowed: false,
        reason: 'fail_closed',
      });
      expect((await check(open, { customerId: 'never-seen' })).body).toMatchObject({
        allowed: false,
        reason: 'fail_closed',
      });
      expect(
        (await check(open, { customerId: open.customerId, reserve: true, idempotencyKey: 'r-outage' })).body,
      ).toMatchObject({ allowed: true, reason: 'fail_open', reservation: 'not_recorded' });

      pgServer = await startDb();
      await until('ingestion to recover', async () => (await usage(open, pending)).status === 202);
      expect((await usage(open, pending)).status).toBe(200);
      await until(
        'entitlement checks to recover',
        async () => (await check(closed, { apiKey: closed.apiKey })).body.reason === 'within_limit',
      );
      const { body } = await check(open, { customerId: open.customerId, meter: open.meters.sum });
      expect(body).toMatchObject({ allowed: true, reason: 'within_limit', used: 2, limit: 1000, remaining: 998 });
    },
  );
});
