import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { StripeImportView } from '@/lib/schemas/stripe-import';
import type { SyncedPlatform } from '../stripe-handler-context';
import { IMPORT_STEPS } from './import-steps';
import { IMPORT_STALE_SECONDS } from './claim-stripe-import';

const STEP_STATUSES = ['pending', 'running', 'done'] as const;

// The progress the console polls: per object type done / total, rate and ETA, and the latest
// errors with the object ids they concern. Chargebee's runs share the tables (platform column).
export async function getStripeImport(
  runId?: string,
  platform: SyncedPlatform = 'stripe',
  steps: readonly { type: string; label: string }[] = IMPORT_STEPS,
): Promise<StripeImportView | null> {
  const db = getDb();
  const run = runId
    ? await db.stripeImportRun.findUnique({
        where: { id: runId, platform },
        include: { steps: { orderBy: { position: 'asc' } } },
      })
    : await db.stripeImportRun.findFirst({
        where: { platform },
        orderBy: { createdAt: 'desc' },
        include: { steps: { orderBy: { position: 'asc' } } },
      });
  if (!run) return null;
  const errors = await db.stripeImportError.findMany({
    where: { runId: run.id },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const now = clock.nowMs();
  return {
    id: run.id,
    status: run.status,
    sinceMonths: run.sinceMonths,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    stalled:
      run.status === 'running' && (!run.heartbeatAt || now - run.heartbeatAt.getTime() > IMPORT_STALE_SECONDS * 1000),
    steps: run.steps.map((step) => {
      const elapsed = step.startedAt ? ((step.finishedAt?.getTime() ?? now) - step.startedAt.getTime()) / 1000 : 0;
      const rate = elapsed > 0 && step.done > 0 ? step.done / elapsed : null;
      const remaining = step.total !== null ? Math.max(0, step.total - step.done) : null;
      return {
        type: step.objectType,
        label: steps.find((s) => s.type === step.objectType)?.label ?? step.objectType,
        status: STEP_STATUSES.find((s) => s === step.status) ?? 'pending',
        done: step.done,
        total: step.total,
        errors: step.errorCount,
        ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10,
        etaSeconds: step.status === 'done' ? 0 : rate && remaining !== null ? Math.ceil(remaining / rate) : null,
      };
    }),
    recentErrors: errors.map((e) => ({
      objectType: e.objectType,
      objectId: e.objectId,
      message: e.message,
      at: e.createdAt.toISOString(),
    })),
  };
}
