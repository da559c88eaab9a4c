import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { claimStripeImport } from './claim-stripe-import';

/*
 * Runs (or resumes) one import run, for any platform: claimed first, so two workers never run
 * the same import (a worker that died leaves a stale heartbeat, and the next claim resumes it),
 * then each unfinished step in order through the platform's `runStep`, page by page from its
 * checkpoint. A failure marks the run failed with its reason; the checkpoint stays, so "Resume"
 * (or the CLI) continues where it stopped.
 */
export async function runClaimedImport(
  runId: string,
  runStep: (sinceMonths: number, objectType: string) => Promise<void>,
  describeError: (err: unknown) => string,
): Promise<'succeeded' | 'failed' | 'busy'> {
  const db = getDb();
  const run = await claimStripeImport(runId);
  if (!run) return 'busy';
  try {
    const steps = await db.stripeImportStep.findMany({
      where: { runId, status: { not: 'done' } },
      orderBy: { position: 'asc' },
    });
    for (const step of steps) await runStep(run.sinceMonths, step.objectType);
    await db.stripeImportRun.update({
      where: { id: runId },
      data: { status: 'succeeded', finishedAt: clock.now(), error: null },
    });
    return 'succeeded';
  } catch (err) {
    await db.stripeImportRun.update({ where: { id: runId }, data: { status: 'failed', error: describeError(err) } });
    throw err;
  }
}
