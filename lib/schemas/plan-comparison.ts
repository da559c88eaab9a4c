import { z } from 'zod';

// The Usage Analyst's plan comparison, kept on its decision record as evidence
// ({ planComparison }) and rendered by the approval panel as a table and a chart. Client-safe.

const optionCost = z.object({
  planKey: z.string(),
  planName: z.string(),
  baseMinor: z.number(),
  overageMinor: z.number(),
  totalMinor: z.number(),
  totalUpperMinor: z.number(),
  refused: z.array(z.string()),
});

export const planComparisonEvidence = z.object({
  currency: z.string(),
  currentPlan: z.object({ key: z.string(), name: z.string() }),
  proposedPlan: z.object({ key: z.string(), name: z.string() }).nullable(),
  effective: z.enum(['now', 'period_end']).nullable(),
  horizon: z.enum(['this_period', 'next_period']).nullable(),
  reason: z.enum(['cheaper', 'hard_limit', 'stay_cheaper', 'within_plan', 'top_plan']),
  savingMinor: z.number(),
  periodEnd: z.string(),
  meters: z.array(
    z.object({
      meterKey: z.string(),
      meterName: z.string(),
      unit: z.string(),
      used: z.number(),
      included: z.number().nullable(),
      hardLimit: z.number().nullable(),
      forecast: z.object({ expected: z.number(), upper: z.number() }),
      nextPeriod: z.object({ expected: z.number(), upper: z.number() }),
      /** Included on the proposed plan (null when staying). */
      proposedIncluded: z.number().nullable(),
    }),
  ),
  thisPeriod: z.array(optionCost),
  nextPeriod: z.array(optionCost),
});
export type PlanComparisonEvidence = z.infer<typeof planComparisonEvidence>;

/** The comparison among a decision's evidence items, if it has one that parses. */
export function findPlanComparison(outputs: unknown): PlanComparisonEvidence | null {
  const evidence = (outputs as { evidence?: unknown } | null)?.evidence;
  if (!Array.isArray(evidence)) return null;
  for (const item of evidence) {
    const parsed = planComparisonEvidence.safeParse((item as { planComparison?: unknown } | null)?.planComparison);
    if (parsed.success) return parsed.data;
  }
  return null;
}
