import { getBoss } from '@/lib/server/jobs/boss';
import { USAGE_ANALYST_JOB, usageAnalystJob } from './usage-analyst-job';
import { clock } from '@/lib/clock';

/** Seconds a customer's analysis waits after new usage; more usage meanwhile joins the same run. */
export const INGEST_DEBOUNCE_SECONDS = 30;

// Called after an ingest transaction commits, with the customers it touched. Debounced per
// customer through pg-boss (singletonKey + 30-second slots): a burst of batches becomes one run
// ~30 s later, plus at most one more for usage that arrived after that run was queued. Best
// effort: a failure is logged, never surfaced to the ingest caller — the hourly run catches up.
// The ingest hot path calls this on every committed request: remember which customers this
// process already queued in the current slot, so a flood of batches costs one send per customer
// per slot instead of one per request.
const queuedInSlot = new Map<string, number>();

export async function enqueueUsageAnalysis(customerIds: string[]): Promise<void> {
  const slot = Math.floor(clock.nowMs() / (INGEST_DEBOUNCE_SECONDS * 1000));
  const fresh = [...new Set(customerIds)].filter((id) => queuedInSlot.get(id) !== slot);
  if (!fresh.length) return;
  for (const id of fresh) queuedInSlot.set(id, slot);
  if (queuedInSlot.size > 50_000) queuedInSlot.clear();
  try {
    const boss = await getBoss();
    for (const id of fresh) {
      const data = usageAnalystJob.payloadSchema.parse({ customerIds: [id], trigger: 'ingest' });
      await boss.sendDebounced(
        USAGE_ANALYST_JOB,
        data,
        { startAfter: INGEST_DEBOUNCE_SECONDS, retryLimit: 3, retryDelay: 30, retryBackoff: true },
        INGEST_DEBOUNCE_SECONDS,
        `usage-analyst:${id}`,
      );
    }
  } catch (err) {
    console.error('[usage-analyst] could not enqueue analysis:', err instanceof Error ? err.message : err);
  }
}

/** Full runs a burst of starting workers (or clicks) collapses into: one per slot. */
const FULL_RUN_SLOT_SECONDS = 300;

// One full run, e.g. right after the worker starts, so a fresh demo shows the agent's results at
// once. Throttled: several workers starting together queue one run per five minutes, not one each.
export async function enqueueFullUsageAnalysis(trigger: 'startup' | 'manual' = 'startup'): Promise<string | null> {
  const boss = await getBoss();
  const data = usageAnalystJob.payloadSchema.parse({ trigger });
  return boss.sendThrottled(
    USAGE_ANALYST_JOB,
    data,
    { retryLimit: 3, retryDelay: 30, retryBackoff: true },
    FULL_RUN_SLOT_SECONDS,
    'usage-analyst:full',
  );
}
