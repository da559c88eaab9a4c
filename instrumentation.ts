// Starts the job worker inside the Next.js server so one command runs everything. Next calls
// register() once per server process; the NEXT_RUNTIME check must stay a literal so the bundler
// drops this code from the edge runtime (the one process.env read outside lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('./lib/env');
  if (!getEnv().JOBS_IN_PROCESS || !getEnv().DATABASE_URL) return;
  const { startWorker } = await import('./lib/server/worker/start-worker');
  await startWorker('server').catch((err: Error) => console.error('[jobs] worker failed to start:', err.message));
}
