import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { LocalDatabase } from './local-database';
import { localAuthSecret } from './local-secret';

const require = createRequire(import.meta.url);

// Runs `next <mode>` with the database and auth settings, and owns shutdown: Ctrl-C or SIGTERM
// stops Next first, then the embedded PostgreSQL, so no orphan postgres is left behind.
export function runNext(mode: 'dev' | 'start', db: LocalDatabase, port: string): void {
  const origin = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), mode, '-p', port], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: localAuthSecret(),
      NEXT_TELEMETRY_DISABLED: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  console.log(`[tollgate] console: ${origin}`);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.stop().catch((err) => console.error('[tollgate] stopping database:', err));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  child.on('exit', (code) => void shutdown(code ?? 1));
}
