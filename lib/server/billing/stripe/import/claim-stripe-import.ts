import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';

/** A running import whose heartbeat is older than this is taken to have died with its worker. */
export const IMPORT_STALE_SECONDS = 120;

// Claims an import for this process: a queued or failed run, or a running one whose heartbeat
// stopped. One conditional UPDATE, so of two workers only one wins.
export async function claimStripeImport(runId: string): Promise<{ sinceMonths: number } | null> {
  const now = clock.now();
  const stale = new Date(now.getTime() - IMPORT_STALE_SECONDS * 1000);
  const claimed = await getDb().stripeImportRun.updateMany({
    where: {
      id: runId,
      OR: [
        { status: { in: ['queued', 'failed'] } },
        { status: 'running', OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] },
      ],
    },
    data: { status: 'running', heartbeatAt: now, error: null },
  });
  if (claimed.count === 0) return null;
  await getDb().stripeImportRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: now } });
  const run = await getDb().stripeImportRun.findUniqueOrThrow({ where: { id: runId }, select: { sinceMonths: true } });
  return run;
}
