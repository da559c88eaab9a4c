// Whether a workflow has earned autopilot: long enough in assist (the 90-day rule), enough drafts
// decided by people, nearly all of them approved as drafted, and nothing reversed lately. Pure:
// the figures come from workflow-metrics.ts, the thresholds from configuration.

export interface PromotionCriteria {
  minAssistDays: number;
  minDrafts: number;
  minUneditedPercent: number;
  reversalWindowDays: number;
}

export interface PromotionEvidence {
  daysInAssist: number;
  drafts: number;
  approvedUnedited: number;
  reversals: number;
}

export interface PromotionCheck {
  key: 'assist_days' | 'drafts' | 'unedited' | 'reversals';
  label: string;
  ok: boolean;
  actual: number;
  required: number;
}

export function uneditedPercent(e: Pick<PromotionEvidence, 'drafts' | 'approvedUnedited'>): number | null {
  return e.drafts ? Math.round((1000 * e.approvedUnedited) / e.drafts) / 10 : null;
}

export function evaluatePromotion(e: PromotionEvidence, c: PromotionCriteria) {
  const unedited = uneditedPercent(e) ?? 0;
  const checks: PromotionCheck[] = [
    {
      key: 'assist_days',
      label: `at least ${c.minAssistDays} days in assist`,
      ok: e.daysInAssist >= c.minAssistDays,
      actual: Math.floor(e.daysInAssist),
      required: c.minAssistDays,
    },
    {
      key: 'drafts',
      label: `at least ${c.minDrafts} drafts decided`,
      ok: e.drafts >= c.minDrafts,
      actual: e.drafts,
      required: c.minDrafts,
    },
    {
      key: 'unedited',
      label: `at least ${c.minUneditedPercent} % approved unedited`,
      ok: e.drafts > 0 && unedited >= c.minUneditedPercent,
      actual: unedited,
      required: c.minUneditedPercent,
    },
    {
      key: 'reversals',
      label: `no reversal in ${c.reversalWindowDays} days`,
      ok: e.reversals === 0,
      actual: e.reversals,
      required: 0,
    },
  ];
  return { eligible: checks.every((x) => x.ok), checks };
}
