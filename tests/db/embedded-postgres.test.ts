import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmbeddedPostgresError,
  findUntraversableFolder,
  startEmbeddedPostgres,
} from '@/lib/server/db/embedded-postgres';

// The two ways a first `npm run dev` used to die with a bare `undefined` or EACCES: a port some
// other database holds, and (as root) a checkout inside a folder the postgres user cannot enter.
// Each now stops with one line naming the fix.

let busy: net.Server;
let busyPort: number;
let dir: string;

beforeAll(async () => {
  busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as net.AddressInfo).port;
  dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-embedded-')); // mode 700, as mktemp -d makes it
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL start-up problems', () => {
  it('a busy port is refused with one line naming TOLLGATE_PG_PORT', async () => {
    const open = mkdtempSync(path.join(os.tmpdir(), 'tollgate-port-'));
    try {
      const started = startEmbeddedPostgres({ dataDir: path.join(open, 'pg'), port: busyPort, persistent: false });
      await expect(started).rejects.toThrow(EmbeddedPostgresError);
      await expect(started).rejects.toThrow(new RegExp(`Port ${busyPort} .*TOLLGATE_PG_PORT`));
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });

  it('a script started on a busy port prints that line and exits 1, no stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
      env: { ...process.env, DATABASE_URL: '', TOLLGATE_PG_PORT: String(busyPort) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/TOLLGATE_PG_PORT/)]);
  });

  it('finds the first folder on the way that a user cannot enter', () => {
    chmodSync(dir, 0o755);
    const closed = path.join(dir, 'closed');
    mkdirSync(path.join(closed, 'inner'), { recursive: true });
    chmodSync(closed, 0o700);
    expect(findUntraversableFolder(path.join(closed, 'inner', 'pg'), 99_999)).toBe(closed);
    chmodSync(closed, 0o755);
    expect(findUntraversableFolder(path.join(closed, 'inner', 'pg'), 99_999)).not.toBe(closed);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, a data folder under a folder postgres cannot enter stops with the fix, not EACCES',
    async () => {
      chmodSync(dir, 0o700);
      const started = startEmbeddedPostgres({
        dataDir: path.join(dir, 'checkout', '.data', 'pg'),
        port: 0,
        persistent: false,
      });
      await expect(started).rejects.toThrow(new RegExp(`cannot enter ${dir}.*chmod o\\+x ${dir}`));
    },
  );
});
