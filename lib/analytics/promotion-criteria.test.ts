import { describe, expect, it } from 'vitest';
import { evaluatePromotion } from './promotion-criteria';

const criteria = { minAssistDays: 90, minDrafts: 50, minUneditedPercent: 95, reversalWindowDays: 30 };

describe('evaluatePromotion', () => {
  it('holds only when every criterion holds', () => {
    const ok = evaluatePromotion({ daysInAssist: 91, drafts: 60, approvedUnedited: 58, reversals: 0 }, criteria);
    expect(ok.eligible).toBe(true);
    expect(ok.checks.find((c) => c.key === 'unedited')?.actual).toBe(96.7);
  });
  it('names each failing criterion', () => {
    const r = evaluatePromotion({ daysInAssist: 10, drafts: 60, approvedUnedited: 56, reversals: 1 }, criteria);
    expect(r.eligible).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.key)).toEqual(['assist_days', 'unedited', 'reversals']);
  });
  it('never promotes a workflow without decided drafts', () => {
    const r = evaluatePromotion(
      { daysInAssist: 200, drafts: 0, approvedUnedited: 0, reversals: 0 },
      { ...criteria, minDrafts: 0 },
    );
    expect(r.eligible).toBe(false);
  });
});
