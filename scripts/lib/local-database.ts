import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../lib/server/db/embedded-postgres';

export const EMBEDDED_DIR = path.resolve('.data/postgres');
export const EMBEDDED_PORT = Number(process.env.TOLLGATE_PG_PORT ?? 54329);
export const EMBEDDED_URL = `postgresql://tollgate:tollgate@127.0.0.1:${EMBEDDED_PORT}/tollgate`;

export interface LocalDatabase {
  url: string;
  source: 'external' | 'embedded' | 'embedded (already running)';
  stop: () => Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function pidAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// DATABASE_URL set → that database, and no embedded server. Unset → the embedded PostgreSQL under
// .data/postgres: reused when another local process (dev server, worker) already runs it,
// started otherwise — and then owned, so `stop()` shuts it down.
export async function openLocalDatabase(): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, source: 'external', stop: async () => {} };
  }
  if (pidAlive(path.join(EMBEDDED_DIR, 'postmaster.pid')) && (await canConnect(EMBEDDED_URL))) {
    return { url: EMBEDDED_URL, source: 'embedded (already running)', stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port: EMBEDDED_PORT, persistent: true }).catch(
    (err: unknown) => {
      // One line that names the fix, not a stack trace (or the bare `undefined` embedded-postgres throws).
      if (!(err instanceof EmbeddedPostgresError)) throw err;
      console.error(`[tollgate] ${err.message}`);
      process.exit(1);
    },
  );
  return { url: db.url, source: 'embedded', stop: db.stop };
}
