import { describe, expect, it } from 'vitest';
import { RECOVERY_MODEL } from './current-recovery-model';
import { chooseDunningStep, DEFAULT_POLICY_SETTINGS, type EpisodeState } from './dunning-policy';
import type { AccountFeatures } from './recovery-features';
import { loadRecoveryModel, predictRecovery, topFactors } from './recovery-model';

const account = (over: Partial<AccountFeatures> = {}): AccountFeatures => ({
  declineClass: 'soft',
  attempt: 1,
  amountMinor: 20_000,
  mrrMinor: 20_000,
  tenureDays: 400,
  usageSlope: 0,
  pastFailures: 0,
  pastRecoveries: 0,
  ticketsLast30d: 0,
  ticketFriction: 0,
  engagement: 0.8,
  daysSinceFirstFailure: 0,
  touchesSoFar: 0,
  ...over,
});
const fresh: EpisodeState = {
  retries: 0,
  emails: 0,
  callMade: false,
  creditGiven: false,
  offerMade: false,
  graceExtended: false,
  daysToCancel: 21,
};
const now = new Date('2026-12-04T20:00:00Z'); // a Friday evening
const choose = (a: Partial<AccountFeatures>, s: Partial<EpisodeState> = {}) =>
  chooseDunningStep({
    account: account(a),
    state: { ...fresh, ...s },
    now,
    timeZone: 'Europe/Berlin',
    model: RECOVERY_MODEL,
  });

describe('recovery model', () => {
  it('explains each prediction: contributions sum to the log-odds', () => {
    const p = predictRecovery(RECOVERY_MODEL, account(), { step: 'retry', paydayWindow: true, businessHours: true });
    expect(p.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(p.logOdds, 10);
    expect(p.probability).toBeGreaterThan(0);
    expect(p.probability).toBeLessThan(1);
    expect(topFactors(p, 3)).toHaveLength(3);
  });

  it('a retry on a payday is likelier to work than the same retry off payday (fitted, not assumed)', () => {
    const on = predictRecovery(RECOVERY_MODEL, account(), { step: 'retry', paydayWindow: true });
    const off = predictRecovery(RECOVERY_MODEL, account(), { step: 'retry', paydayWindow: false });
    expect(on.probability).toBeGreaterThan(off.probability);
  });

  it('refuses a model file whose features differ from the code', () => {
    expect(() => loadRecoveryModel({ version: 'x', weights: { intercept: 1 } })).toThrow(/features differ/);
  });
});

describe('chooseDunningStep', () => {
  it('never retries or chases fraud', () => {
    const c = choose({ declineClass: 'fraud' });
    expect(c.step).toBe('stop');
    expect(c.options).toHaveLength(0);
  });

  it('retries a soft decline at 10:00 local on a weekday, and only soft declines', () => {
    const soft = choose({ declineClass: 'soft' });
    expect(soft.step).toBe('retry');
    expect(soft.at?.toISOString()).toMatch(/T09:00:00\.000Z$/); // 10:00 in Berlin (CET)
    for (const cls of ['hard', 'needs_customer'] as const) {
      const c = choose({ declineClass: cls });
      expect(c.options.map((o) => o.step)).not.toContain('retry');
      expect(c.why).toContain(`A ${cls.replace('_', ' ')} decline is not retried on the same card.`);
    }
  });

  it('stops at the touch budget and when retries and e-mails are used up', () => {
    expect(choose({ touchesSoFar: DEFAULT_POLICY_SETTINGS.touchBudget }).step).toBe('stop');
    const spent = choose(
      { declineClass: 'hard', mrrMinor: 1_000 },
      { emails: DEFAULT_POLICY_SETTINGS.maxEmails, retries: DEFAULT_POLICY_SETTINGS.maxRetries },
    );
    expect(spent.step).toBe('stop');
  });

  it('offers a call only for valuable accounts, a credit only with support friction', () => {
    expect(choose({ mrrMinor: 5_000 }).options.map((o) => o.step)).not.toContain('call_task');
    expect(choose({ mrrMinor: 200_000 }).options.map((o) => o.step)).toContain('call_task');
    expect(choose({}).options.map((o) => o.step)).not.toContain('usage_credit');
    const withFriction = choose({ ticketsLast30d: 3, ticketFriction: 0.7 }).options.find(
      (o) => o.step === 'usage_credit',
    );
    expect(withFriction?.creditMinor).toBe(2_000);
  });

  it('extends grace once when cancellation is near', () => {
    expect(choose({}, { daysToCancel: 3 }).extendGrace).toBe(true);
    expect(choose({}, { daysToCancel: 3, graceExtended: true }).extendGrace).toBe(false);
    expect(choose({}, { daysToCancel: 18 }).extendGrace).toBe(false);
  });
});
