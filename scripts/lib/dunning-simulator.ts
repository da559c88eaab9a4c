/**
 * A simulated world of failed subscription payments, for fitting the recovery model and for
 * comparing dunning policies (scripts/fit-dunning-model.ts, scripts/eval-dunning.ts).
 *
 * Its parameters (WORLD below) were written down before the policy was tuned and are not changed
 * to make any policy win. What it assumes, each a plain reading of how card payments behave:
 *  - Each customer has a hidden willingness to keep paying, higher with engagement, growing
 *    usage, tenure, a history of paying after failures and account size; lower with support
 *    friction. Policies never see it: they see usage, tickets, tenure, MRR and history.
 *  - Decline codes behave by their kind. Insufficient funds: a retry succeeds when the account is
 *    funded, which is likely in the three days after the customer's own payday (1st/15th, last
 *    weekday, or every other Friday — not always the paydays the policy assumes) and less likely
 *    for large amounts; slightly less likely at night. Processing / issuer-unavailable errors:
 *    retries usually work, fading with each attempt. Generic declines: rarely. Hard declines,
 *    fraud and cards needing the customer (expired, authentication) almost never recover by retry.
 *  - A customer reached by e-mail, a call or an offer acts with a probability that rises with
 *    willingness and (for e-mail) engagement, falls with each further e-mail, and depends on the
 *    decline kind; acting means paying with a working card, which for a short balance still
 *    needs funds. Customers also pay on their own now and then. Every touch beyond three makes
 *    a customer a little less willing; more than four retries on one card make issuers refuse more.
 *  - An unpaid invoice is written off and the subscription cancelled 21 days after the first
 *    failure (the policy may extend this once by 7 days, at no touch).
 *  - Touches are retries and contacts (e-mail, call): anything the customer or their bank sees.
 * Everything random comes from a seeded generator, so a seed reproduces its run exactly.
 */
import type { DeclineClass } from '../../lib/analytics/dunning/decline-class';
import type { AccountFeatures, DunningStepChoice } from '../../lib/analytics/dunning/recovery-features';

const DAY = 86_400_000;
export const WORLD = {
  cancelAfterDays: 21,
  graceDays: 7,
  // Decline mix of subscription renewals (shares sum to 1) and per-kind behaviour.
  codes: [
    { code: 'insufficient_funds', cls: 'soft', share: 0.34, kind: 'funds' },
    { code: 'processing_error', cls: 'soft', share: 0.12, kind: 'transient' },
    { code: 'generic_decline', cls: 'soft', share: 0.14, kind: 'generic' },
    { code: 'expired_card', cls: 'needs_customer', share: 0.13, kind: 'customer' },
    { code: 'authentication_required', cls: 'needs_customer', share: 0.09, kind: 'customer' },
    { code: 'lost_card', cls: 'hard', share: 0.06, kind: 'hard' },
    { code: 'invalid_account', cls: 'hard', share: 0.07, kind: 'hard' },
    { code: 'fraudulent', cls: 'fraud', share: 0.05, kind: 'fraud' },
  ] as const,
  retrySuccess: { transient: 0.5, generic: 0.12, customer: 0.03, hard: 0.01, fraud: 0 },
  transientFade: 0.8,
  fundedAfterPayday: [0.6, 0.9],
  fundedOtherwise: [0.06, 0.3],
  nightFactor: 0.85,
  retriesBeforeIssuerFatigue: 4,
  issuerFatigue: 0.7,
  contactByKind: { funds: 0.6, transient: 0.6, generic: 0.8, customer: 1, hard: 0.85, fraud: 0.1 },
  emailFade: 0.75,
  callReach: 0.6,
  creditLift: 0.35,
  offerAcceptDeclining: 0.5,
  offerAcceptOther: 0.15,
  actDelayMeanDays: 1.2,
  selfCurePerDay: 0.012,
  annoyancePerTouchBeyond3: 0.04,
} as const;

export type Rng = () => number;
export function rngFor(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const normal = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const exp = (r: Rng, mean: number) => -Math.log(1 - r()) * mean;
const between = (r: Rng, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
const sig = (z: number) => 1 / (1 + Math.exp(-z));
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'UTC'];

export interface SimFailure {
  features: AccountFeatures;
  timeZone: string;
  kind: (typeof WORLD.codes)[number]['kind'];
  code: string;
  failedAt: Date;
  willingness: number;
  paydays: (d: Date) => boolean;
  funded: readonly [number, number];
}

function paydayPattern(r: Rng): (d: Date) => boolean {
  const u = r();
  if (u < 0.5) return (d) => [1, 2, 3, 15, 16, 17].includes(d.getUTCDate());
  if (u < 0.8)
    return (d) => {
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      return d.getUTCDate() >= last - 1 || d.getUTCDate() <= 1;
    };
  const phase = Math.floor(r() * 14);
  return (d) => (Math.floor(d.getTime() / DAY) + phase) % 14 < 3;
}

/** One failed invoice of a freshly drawn customer. */
export function drawFailure(r: Rng): SimFailure {
  let u = r();
  const c = WORLD.codes.find((x) => (u -= x.share) < 0) ?? WORLD.codes[0];
  const engagement = Math.min(1, Math.max(0, r() ** 0.8));
  const usageSlope = Math.max(-1, Math.min(1, 0.35 * normal(r) + 0.5 * (engagement - 0.5)));
  const tenureDays = Math.round(exp(r, 420));
  const mrrMinor = Math.round(15_000 * Math.exp(1.1 * normal(r)));
  const ticketsLast30d = Math.floor(exp(r, 1.2));
  const ticketFriction = ticketsLast30d ? Math.min(1, r() * 0.9) : 0;
  const base = -0.4 + 2.4 * engagement + 1.2 * usageSlope + 0.25 * Math.log1p(tenureDays / 90) - 1.5 * ticketFriction;
  const pastFailures = Math.floor(exp(r, 0.7));
  const pastRecoveries = Array.from({ length: pastFailures }, () => r() < sig(base)).filter(Boolean).length;
  const willingness = sig(
    base + 0.8 * ((pastRecoveries + 1) / (pastFailures + 2) - 0.5) + 0.15 * Math.log(mrrMinor / 10_000),
  );
  const amountMinor = Math.max(500, Math.round(mrrMinor * (0.8 + 0.6 * r())));
  const failedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 360 * DAY));
  return {
    features: {
      declineClass: c.cls as DeclineClass,
      attempt: 1,
      amountMinor,
      mrrMinor,
      tenureDays,
      usageSlope,
      pastFailures,
      pastRecoveries,
      ticketsLast30d,
      ticketFriction,
      engagement,
      daysSinceFirstFailure: 0,
      touchesSoFar: 0,
    },
    timeZone: ZONES[Math.floor(r() * ZONES.length)]!,
    kind: c.kind,
    code: c.code,
    failedAt,
    willingness,
    paydays: paydayPattern(r),
    funded: [between(r, WORLD.fundedOtherwise), between(r, WORLD.fundedAfterPayday)] as const,
  };
}

/** What a policy asks for next, or null to stop. `reviewAfterDays`: when it wants to decide again. */
export interface SimStep {
  step: DunningStepChoice;
  at: Date;
  creditMinor?: number;
  extendGrace?: boolean;
  reviewAfterDays: number;
}
export interface SimView {
  failure: SimFailure;
  now: Date;
  features: AccountFeatures;
  retries: number;
  emails: number;
  used: Set<DunningStepChoice>;
  graceExtended: boolean;
  daysToCancel: number;
}
export type SimPolicy = (view: SimView) => SimStep | null;

export interface EpisodeResult {
  recovered: boolean;
  daysToRecovery: number | null;
  touches: number;
  creditMinor: number;
  amountMinor: number;
  /** Per decision: what was seen, asked, and whether the invoice was recovered before the next decision. */
  decisions: { features: AccountFeatures; step: SimStep; recoveredBeforeNext: boolean }[];
}

// Whether the card pays at instant `at` (a retry, or the customer paying with the card on file).
function fundedAt(f: SimFailure, at: Date, r: Rng): boolean {
  const hour = (at.getUTCHours() + 24) % 24;
  const night = hour < 6 || hour >= 22 ? WORLD.nightFactor : 1;
  const size = Math.min(1, Math.max(0.5, 1.1 - 0.15 * Math.log1p(f.features.amountMinor / 50_000)));
  return r() < (f.paydays(at) ? f.funded[1] : f.funded[0]) * size * night;
}

export function runEpisode(f: SimFailure, policy: SimPolicy, r: Rng): EpisodeResult {
  const t0 = f.failedAt.getTime();
  let cancelAt = t0 + WORLD.cancelAfterDays * DAY;
  let w = f.willingness;
  let touches = 0;
  let retries = 0;
  let emails = 0;
  let creditMinor = 0;
  let graceExtended = false;
  let paidAt: number | null = null;
  const used = new Set<DunningStepChoice>();
  const decisions: EpisodeResult['decisions'] = [];
  // Pending customer actions (instants at which the customer tries to pay), earliest first.
  const acts: number[] = [t0 + exp(r, 1 / (WORLD.selfCurePerDay * w)) * DAY];
  const customerPays = (at: number): boolean => (f.kind !== 'funds' ? r() < 0.97 : fundedAt(f, new Date(at), r));
  const settleUntil = (until: number) => {
    acts.sort((a, b) => a - b);
    while (paidAt === null && acts.length && acts[0]! <= Math.min(until, cancelAt)) {
      const at = acts.shift()!;
      if (customerPays(at)) paidAt = at;
      else if (r() < 0.7) acts.push(at + (3 + 7 * r()) * DAY); // tries again once money arrives
    }
  };
  const touch = () => {
    touches++;
    if (touches > 3) w *= 1 - WORLD.annoyancePerTouchBeyond3;
  };
  let now = t0;
  while (paidAt === null && now < cancelAt) {
    const features: AccountFeatures = {
      ...f.features,
      attempt: 1 + retries,
      daysSinceFirstFailure: (now - t0) / DAY,
      touchesSoFar: touches,
    };
    const step = policy({
      failure: f,
      now: new Date(now),
      features,
      retries,
      emails,
      used,
      graceExtended,
      daysToCancel: (cancelAt - now) / DAY,
    });
    if (!step) break;
    if (step.extendGrace && !graceExtended) {
      graceExtended = true;
      cancelAt += WORLD.graceDays * DAY;
    }
    const at = Math.max(now, step.at.getTime());
    settleUntil(at);
    if (paidAt !== null || at >= cancelAt) break;
    used.add(step.step);
    const k = f.kind;
    const reach = (p: number) => {
      if (r() < Math.min(1, p)) acts.push(at + exp(r, WORLD.actDelayMeanDays) * DAY);
    };
    const emailOdds = () => w * (0.15 + 0.55 * f.features.engagement) * WORLD.emailFade ** emails;
    touch();
    if (step.step === 'retry') {
      retries++;
      const fatigue = WORLD.issuerFatigue ** Math.max(0, retries - WORLD.retriesBeforeIssuerFatigue);
      const ok =
        k === 'funds'
          ? fundedAt(f, new Date(at), r)
          : r() <
            (k === 'transient'
              ? WORLD.retrySuccess.transient * WORLD.transientFade ** (retries - 1)
              : WORLD.retrySuccess[k]);
      if (r() < fatigue && ok) paidAt = at;
    } else if (step.step === 'call_task') {
      reach(w * WORLD.callReach * WORLD.contactByKind[k]);
    } else if (step.step === 'usage_credit') {
      creditMinor += step.creditMinor ?? 0;
      w = w + WORLD.creditLift * f.features.ticketFriction * (1 - w);
      reach(emailOdds() * WORLD.contactByKind[k]);
      emails++;
    } else if (step.step === 'pause_offer') {
      reach(w * (f.features.usageSlope < 0 ? WORLD.offerAcceptDeclining : WORLD.offerAcceptOther));
      emails++;
    } else {
      reach(emailOdds() * WORLD.contactByKind[k]);
      emails++;
    }
    const next = at + step.reviewAfterDays * DAY;
    settleUntil(next);
    decisions.push({ features, step, recoveredBeforeNext: paidAt !== null });
    now = Math.max(next, at + 60_000);
  }
  settleUntil(cancelAt);
  const recovered = paidAt !== null;
  return {
    recovered,
    daysToRecovery: recovered ? (paidAt! - t0) / DAY : null,
    touches,
    creditMinor: recovered ? creditMinor : 0,
    amountMinor: f.features.amountMinor,
    decisions,
  };
}
