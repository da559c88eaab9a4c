import type { DeclineClass } from './decline-class';

// What the recovery model sees about one failed invoice at one decision point, and the step it
// is asked about. Built from stored rows by the agent and from simulated customers by the eval,
// so both feed the model the same numbers. Pure.

export const DUNNING_STEPS = [
  'retry',
  'update_card_email',
  'call_task',
  'usage_credit',
  'extend_grace',
  'pause_offer',
] as const;
export type DunningStepChoice = (typeof DUNNING_STEPS)[number];

export interface AccountFeatures {
  declineClass: DeclineClass;
  /** Failed payment attempts on this invoice so far (1 after the first failure). */
  attempt: number;
  amountMinor: number;
  mrrMinor: number;
  tenureDays: number;
  /** Daily usage of the last 7 days ÷ daily usage of the last 30, minus 1 (−1: stopped, 0: steady). */
  usageSlope: number;
  /** Earlier invoices with a failed payment, and how many of those were paid in the end. */
  pastFailures: number;
  pastRecoveries: number;
  ticketsLast30d: number;
  /** Share (0–1) of those tickets that were urgent/high priority or about billing. */
  ticketFriction: number;
  /** Share (0–1) of the last 30 days with any usage. */
  engagement: number;
  daysSinceFirstFailure: number;
  /** Customer-facing touches (retries, e-mails, calls) already made in this episode. */
  touchesSoFar: number;
}

export interface StepContext {
  step: DunningStepChoice;
  /** For a retry: whether it lands within two days after a common payday, and in local business hours. */
  paydayWindow?: boolean;
  businessHours?: boolean;
}

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

// Named columns: the model's JSON stores weights by these names, and a decision's factors are
// weight × value per name, so a reviewer reads "engagement +0.41" rather than column 12.
export const FEATURE_NAMES = [
  'intercept',
  'class_hard',
  'class_needs_customer',
  'class_fraud',
  'log_attempt',
  'log_amount',
  'log_mrr',
  'amount_to_mrr',
  'log_tenure',
  'usage_slope',
  'past_recovery_rate',
  'log_past_failures',
  'log_tickets',
  'ticket_friction',
  'engagement',
  'weeks_since_first_failure',
  'touches_so_far',
  'step_email',
  'step_call',
  'step_credit',
  'step_offer',
  'retry_payday_window',
  'retry_business_hours',
  'email_hard',
  'email_needs_customer',
  'email_engagement',
  'call_log_mrr',
  'call_needs_customer_or_hard',
  'credit_ticket_friction',
  'offer_usage_slope',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export function featureVector(a: AccountFeatures, s: StepContext): number[] {
  const isClass = (c: DeclineClass) => (a.declineClass === c ? 1 : 0);
  const is = (step: DunningStepChoice) => (s.step === step ? 1 : 0);
  const retry = is('retry');
  const email = is('update_card_email') + is('usage_credit') + is('pause_offer') > 0 ? 1 : 0;
  const logMrr = Math.log1p(Math.max(0, a.mrrMinor) / 100) / 5;
  const v: Record<FeatureName, number> = {
    intercept: 1,
    class_hard: isClass('hard'),
    class_needs_customer: isClass('needs_customer'),
    class_fraud: isClass('fraud'),
    log_attempt: Math.log(Math.max(1, a.attempt)),
    log_amount: Math.log1p(Math.max(0, a.amountMinor) / 100) / 5,
    log_mrr: logMrr,
    amount_to_mrr: clip(a.amountMinor / Math.max(a.mrrMinor, 100), 0, 5),
    log_tenure: Math.log1p(Math.max(0, a.tenureDays)) / 5,
    usage_slope: clip(a.usageSlope, -1, 1),
    past_recovery_rate: (a.pastRecoveries + 1) / (a.pastFailures + 2),
    log_past_failures: Math.log1p(a.pastFailures),
    log_tickets: Math.log1p(a.ticketsLast30d),
    ticket_friction: clip(a.ticketFriction, 0, 1),
    engagement: clip(a.engagement, 0, 1),
    weeks_since_first_failure: clip(a.daysSinceFirstFailure / 7, 0, 8),
    touches_so_far: clip(a.touchesSoFar, 0, 20),
    step_email: is('update_card_email'),
    step_call: is('call_task'),
    step_credit: is('usage_credit'),
    step_offer: is('pause_offer'),
    retry_payday_window: retry && s.paydayWindow ? 1 : 0,
    retry_business_hours: retry && s.businessHours ? 1 : 0,
    email_hard: email * isClass('hard'),
    email_needs_customer: email * isClass('needs_customer'),
    email_engagement: email * clip(a.engagement, 0, 1),
    call_log_mrr: is('call_task') * logMrr,
    call_needs_customer_or_hard: is('call_task') * (isClass('hard') + isClass('needs_customer')),
    credit_ticket_friction: is('usage_credit') * clip(a.ticketFriction, 0, 1),
    offer_usage_slope: is('pause_offer') * clip(a.usageSlope, -1, 1),
  };
  return FEATURE_NAMES.map((n) => v[n]);
}
