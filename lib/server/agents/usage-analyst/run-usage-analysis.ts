import { getDb } from '@/lib/db';
import { getAnalysisClock } from '@/lib/server/insights/get-analysis-clock';
import { analyzeCustomerUsage, type AnalysisTrigger, type CustomerOutcome } from './analyze-customer-usage';
import { USAGE_ANALYST_ID, USAGE_ANALYST_MODEL, USAGE_ANALYST_VERSION } from './usage-analyst-identity';
import { clock } from '@/lib/clock';

export interface UsageAnalysisInput {
  /** Absent: every customer with an active, trialing or past-due subscription. */
  customerIds?: string[];
  trigger: AnalysisTrigger;
  /** Analyse as of this time (tests, replays); default: now, or the ingest watermark if behind. */
  asOf?: Date;
}

export interface UsageAnalysisSummary {
  analysed: number;
  recorded: number;
  failed: number;
  outcomes: CustomerOutcome[];
}

// The agent's run: each customer is analysed and decided on its own (sequentially: the work is
// CPU-bound and bounded per customer, and other requests interleave at every query). A failing
// customer gets a failed decision record and does not stop the others; the run then throws so
// the job retries — safe, because every decision is idempotent.
export async function runUsageAnalysis(input: UsageAnalysisInput): Promise<UsageAnalysisSummary> {
  const asOf = input.asOf ?? (await getAnalysisClock());
  const ids =
    input.customerIds ??
    (
      await getDb().subscription.findMany({
        where: { status: { in: ['active', 'trialing', 'past_due'] }, customer: { deletedAt: null } },
        distinct: ['customerId'],
        orderBy: { customerId: 'asc' },
        select: { customerId: true },
      })
    ).map((s) => s.customerId);
  const outcomes: CustomerOutcome[] = [];
  const errors: string[] = [];
  for (const id of ids) {
    try {
      outcomes.push(await analyzeCustomerUsage(id, input.trigger, asOf));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(`${id}: ${message}`);
      console.error(`[${USAGE_ANALYST_ID}] ${id}:`, message);
      await getDb()
        .agentRun.create({
          data: {
            agentId: USAGE_ANALYST_ID,
            agentVersion: USAGE_ANALYST_VERSION,
            customerId: id,
            trigger: { type: input.trigger.type, ref: input.trigger.ref ?? null },
            inputs: { asOf: asOf.toISOString() },
            modelProvider: USAGE_ANALYST_MODEL,
            status: 'failed',
            error: message.slice(0, 2000),
            finishedAt: clock.now(),
          },
        })
        .catch(() => {});
    }
  }
  if (errors.length)
    throw new Error(
      `usage analysis failed for ${errors.length} of ${ids.length} customer(s): ${errors.slice(0, 3).join('; ')}`,
    );
  return {
    analysed: outcomes.length,
    recorded: outcomes.filter((o) => o.status === 'recorded').length,
    failed: 0,
    outcomes,
  };
}
