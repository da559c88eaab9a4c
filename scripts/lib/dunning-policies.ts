import {
  chooseDunningStep,
  DEFAULT_POLICY_SETTINGS,
  type PolicySettings,
} from '../../lib/analytics/dunning/dunning-policy';
import { retryCandidates } from '../../lib/analytics/dunning/payday';
import type { DunningStepChoice } from '../../lib/analytics/dunning/recovery-features';
import type { RecoveryModel } from '../../lib/analytics/dunning/recovery-model';
import type { Rng, SimPolicy, SimStep } from './dunning-simulator';

// The policies the eval compares, as simulator policies. The two baselines follow a calendar
// from the first failure; the agent's policy is the production chooseDunningStep.

const DAY = 86_400_000;

function calendar(steps: { day: number; step: DunningStepChoice }[], skipRetriesFor: string[]): SimPolicy {
  return (v) => {
    const plan = steps.filter((s) => !(s.step === 'retry' && skipRetriesFor.includes(v.features.declineClass)));
    // Every calendar step is one touch, so the touches made say how far along the calendar is.
    const next = plan[v.features.touchesSoFar];
    if (!next) return null;
    return { step: next.step, at: new Date(v.failure.failedAt.getTime() + next.day * DAY), reviewAfterDays: 0 };
  };
}

// Stripe's recommended default: a failure e-mail with the hosted invoice link, then 8 retries
// within 2 weeks at the hour of the original charge. Stripe does not retry hard declines or
// fraud, so neither does this baseline (that only lowers its touch count).
export const stripeDefault: SimPolicy = calendar(
  [
    { day: 0, step: 'update_card_email' },
    ...[1, 2, 3, 5, 7, 9, 11, 14].map((day) => ({ day, step: 'retry' as const })),
  ],
  ['hard', 'fraud'],
);

// A fixed e-mail sequence as dunning tools ship it: e-mails on days 0, 3, 7 and 14, each
// followed by a retry the next day (none for hard declines or fraud).
export const fixedEmailSequence: SimPolicy = calendar(
  [0, 3, 7, 14].flatMap((day) => [
    { day, step: 'update_card_email' as const },
    { day: day + 1, step: 'retry' as const },
  ]),
  ['hard', 'fraud'],
);

const reviewAfter = (step: DunningStepChoice) => (step === 'retry' ? 0 : 3);

export function agentPolicy(model: RecoveryModel, settings: PolicySettings = DEFAULT_POLICY_SETTINGS): SimPolicy {
  return (v) => {
    const choice = chooseDunningStep({
      account: v.features,
      state: {
        retries: v.retries,
        emails: v.emails,
        callMade: v.used.has('call_task'),
        creditGiven: v.used.has('usage_credit'),
        offerMade: v.used.has('pause_offer'),
        graceExtended: v.graceExtended,
        daysToCancel: v.daysToCancel,
      },
      now: v.now,
      timeZone: v.failure.timeZone,
      model,
      settings,
    });
    if (choice.step === 'stop') return null;
    return {
      step: choice.step,
      at: choice.at ?? v.now,
      creditMinor: choice.creditMinor,
      extendGrace: choice.extendGrace,
      reviewAfterDays: reviewAfter(choice.step),
    };
  };
}

// Exploration for fitting: a uniformly random feasible step at a random time of day, so the
// history covers every step in every situation (a fitted model is only as good as the choices
// its history contains). Stops after a random number of touches.
export function loggingPolicy(r: Rng): SimPolicy {
  return (v) => {
    if (v.features.touchesSoFar >= 2 + Math.floor(r() * 7)) return null;
    const options: DunningStepChoice[] = ['update_card_email'];
    if (v.retries < 6) options.push('retry', 'retry');
    if (!v.used.has('call_task')) options.push('call_task');
    if (!v.used.has('usage_credit') && v.features.ticketFriction > 0) options.push('usage_credit');
    if (!v.used.has('pause_offer') && v.features.usageSlope < -0.25) options.push('pause_offer');
    const step = options[Math.floor(r() * options.length)]!;
    let at = new Date(v.now.getTime() + r() * 2 * DAY);
    if (step === 'retry' && r() < 0.5) {
      const c = retryCandidates(v.now, v.failure.timeZone);
      at = c[Math.floor(r() * c.length)] ?? at;
    }
    const s: SimStep = {
      step,
      at,
      reviewAfterDays: reviewAfter(step),
      creditMinor: step === 'usage_credit' ? Math.round(v.features.mrrMinor * 0.1) : 0,
    };
    return s;
  };
}
