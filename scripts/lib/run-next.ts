import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { LocalDatabase } from './local-database';
import { localAuthSecret } from './local-secret';

const require = createRequire(import.meta.url);

// Runs `next <mode>` and the gateway (scripts/gateway.ts, on GATEWAY_PORT, unless START_GATEWAY=false) with the database and
// auth settings, and owns shutdown: Ctrl-C, SIGTERM or either child exiting stops both children
// first, then the embedded PostgreSQL, so no orphan postgres is left behind.
export function runNext(mode: 'dev' | 'start', db: LocalDatabase, port: string): void {
  const origin = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: localAuthSecret(),
    NEXT_TELEMETRY_DISABLED: '1',
    CHECKPOINT_DISABLE: '1',
  };
  const children: ChildProcess[] = [
    spawn(process.execPath, [require.resolve('next/dist/bin/next'), mode, '-p', port], { stdio: 'inherit', env }),
  ];
  // START_GATEWAY=false when the gateway runs as its own service (compose.yaml does that).
  if (process.env.START_GATEWAY !== 'false')
    children.push(spawn(process.execPath, ['--import', 'tsx', 'scripts/gateway.ts'], { stdio: 'inherit', env }));
  console.log(`[tollgate] console: ${origin}`);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await db.stop().catch((err) => console.error('[tollgate] stopping database:', err));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  for (const child of children) child.on('exit', (code) => void shutdown(code ?? 1));
}
