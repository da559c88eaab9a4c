import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { migrateDatabase } from '../lib/server/db/migrate-database';

// Vitest integration tests run against real PostgreSQL: a throwaway embedded server, or — with
// DATABASE_URL set — a fresh database created beside the given one. Either way, a new schema
// per run, migrated exactly as production is.
export default async function setup() {
  let stop: () => Promise<void>;
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    if (
      !['localhost', '127.0.0.1', '::1', '[::1]'].includes(base.hostname) &&
      process.env.ALLOW_REMOTE_TEST_DATABASE !== 'true'
    ) {
      throw new Error(
        `Refusing to run tests against non-local database host ${base.hostname} (set ALLOW_REMOTE_TEST_DATABASE=true to override).`,
      );
    }
    const name = `tollgate_test_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    base.pathname = `/${name}`;
    url = base.toString();
    stop = async () => {
      const c = new pg.Client({ connectionString: process.env.TOLLGATE_TEST_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    process.env.TOLLGATE_TEST_ADMIN_URL = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-vitest-'));
    const db = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: 55000 + Math.floor(Math.random() * 900),
      persistent: false,
    });
    url = db.url;
    stop = async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
      // embedded-postgres hooks process exit to stop its servers and exits with 0 from
      // `beforeExit`, which would hide vitest's failing exit code. Ours is stopped: unhook.
      exitHook.unhookEvent('beforeExit');
      exitHook.unhookEvent('exit');
    };
  }
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'vitest-secret-vitest-secret-0123456789';
  // Anchors of this run's throwaway database must not land in the checkout's .data, where
  // `npm run dev`'s Verify chain would then read them as rows missing from its own chain.
  const anchors = mkdtempSync(path.join(os.tmpdir(), 'tollgate-anchors-'));
  process.env.AUDIT_ANCHOR_FILE = path.join(anchors, 'audit-anchors.jsonl');
  return async () => {
    await stop();
    rmSync(anchors, { recursive: true, force: true });
  };
}
