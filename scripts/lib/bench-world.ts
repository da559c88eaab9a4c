// Shared by bench:ingest and bench:entitlements: a throwaway embedded PostgreSQL with a small
// seeded world and a fresh ingest token, served by the gateway process (scripts/gateway.ts, what
// `npm run gateway` runs) — or with `--transport next` by a production build under `next start`,
// built into its own NEXT_DIST_DIR (default .next-bench) when that folder has none (or --rebuild).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/server/db/embedded-postgres';
import { migrateDatabase } from '../../lib/server/db/migrate-database';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');

export interface BenchCustomer {
  id: string;
  externalId: string;
  apiKey: string;
}

export interface BenchWorld {
  url: string;
  transport: 'gateway' | 'next' | 'external';
  token: string;
  databaseUrl: string;
  customers: BenchCustomer[];
  stop: () => Promise<void>;
}

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function ensureBuild(distDir: string): void {
  if (existsSync(path.join(distDir, 'BUILD_ID')) && !process.argv.includes('--rebuild')) return;
  console.log(`[bench] building into ${distDir} (next build) …`);
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build failed');
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server ${url} exited`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy`);
}

// One gateway process on the database (what `npm run gateway` runs), on a free port.
export async function spawnGateway(databaseUrl: string, nodeArgs: string[] = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/gateway.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      JOBS_IN_PROCESS: 'false',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(`${url}/health`, child).catch(async (err) => {
    await stopChild(child);
    throw err;
  });
  return { url, child };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startBenchWorld(customers = 50): Promise<BenchWorld> {
  const transport = arg('--transport') === 'next' ? 'next' : 'gateway';
  const distDir = process.env.NEXT_DIST_DIR || '.next-bench';
  if (transport === 'next') ensureBuild(distDir);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'));
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
  await migrateDatabase(db.url);
  process.env.DATABASE_URL = db.url;
  const { getDb, getPool } = await import('../../lib/db');
  const { seedDemoData } = await import('../../prisma/seed/seed-demo-data');
  const { generateDemoData } = await import('../../prisma/factories/demo-data');
  const demo = { customers, days: 2, seed: 7 };
  await seedDemoData(getDb(), demo);
  const token = `tg_ingest_${randomBytes(24).toString('base64url')}`;
  await getPool().query(
    "INSERT INTO ingest_tokens (id, name, source, prefix, token_hash) VALUES ('tok_bench', 'bench', 'bench', $1, $2)",
    [token.slice(0, 16), createHash('sha256').update(token).digest('hex')],
  );
  const world = generateDemoData(demo);
  const list = world.customers.map(({ profile }) => ({
    id: profile.id,
    externalId: profile.externalId,
    apiKey: profile.apiKey,
  }));

  // --profile writes a CPU profile of the server (into .bench-profiles/) for finding hot spots.
  const nodeArgs = process.argv.includes('--profile') ? ['--cpu-prof', '--cpu-prof-dir=.bench-profiles'] : [];
  let url: string;
  let child: ChildProcess;
  if (transport === 'gateway') ({ url, child } = await spawnGateway(db.url, nodeArgs));
  else {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [...nodeArgs, nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: db.url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: randomBytes(24).toString('hex'),
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    await waitForHealth(`${url}/api/health`, child);
  }
  console.log(`[bench] serving through the ${transport} at ${url}`);
  return {
    url,
    transport,
    token,
    databaseUrl: db.url,
    customers: list,
    stop: async () => {
      await stopChild(child);
      await getDb()
        .$disconnect()
        .catch(() => {});
      await getPool()
        .end()
        .catch(() => {});
      await db.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A pg pool for verification queries when the bench was pointed at an external URL.
export function verificationPool(databaseUrl: string | undefined): pg.Pool | null {
  return databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : null;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
