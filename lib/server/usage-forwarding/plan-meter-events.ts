import { createHash } from 'node:crypto';

// Pure rules for turning accepted usage events into Stripe meter events. No I/O, so the rules
// are unit-tested on their own (plan-meter-events.test.ts).

/** Stripe refuses meter events timestamped more than 35 days in the past or 5 minutes ahead. */
export const STRIPE_MAX_PAST_MS = 35 * 86_400_000;
export const STRIPE_MAX_FUTURE_MS = 5 * 60_000;
// Margin under the 35 days: an event built now is still sendable through a day of retries.
const PAST_MARGIN_MS = 86_400_000;

/**
 * Stripe forgets an `identifier` after about 24 hours. An event sent but never acknowledged
 * before then is not resent: a resend could be counted twice, so it is flagged for a person.
 */
export const STRIPE_DEDUPE_WINDOW_MS = 23 * 3_600_000;

export type FlagReason = 'too_old_for_stripe' | 'in_future_for_stripe';

export function stripeWindowFlag(occurredAtMs: number, nowMs: number): FlagReason | null {
  if (occurredAtMs < nowMs - (STRIPE_MAX_PAST_MS - PAST_MARGIN_MS)) return 'too_old_for_stripe';
  if (occurredAtMs > nowMs + STRIPE_MAX_FUTURE_MS) return 'in_future_for_stripe';
  return null;
}

export interface PendingEvent {
  eventId: string; // bigint as text
  /** What identifies the event for good: its source and idempotency key. */
  source: string;
  idempotencyKey: string;
  customerId: string;
  meterId: string;
  aggregation: string;
  eventName: string;
  stripeCustomerId: string;
  quantity: string; // numeric as text, exact
  occurredAtMs: number;
  acceptedAtMs: number;
}

export interface PlannedUnit {
  id: string;
  customerId: string;
  meterId: string;
  eventName: string;
  stripeCustomerId: string;
  value: string;
  timestampMs: number;
  acceptedAtMs: number;
  eventIds: string[];
}

/**
 * The Stripe identifier of a usage event: a digest of its source and idempotency key, the event's
 * own identity — not its row id, which a restored or re-created database would hand out again
 * to other events that Stripe would then drop as repeats.
 */
export function meterEventIdentifier(kind: 'ue' | 'ua', source: string, idempotencyKey: string): string {
  return `tg_${kind}_${createHash('sha256').update(`${source}\u0000${idempotencyKey}`).digest('hex').slice(0, 40)}`;
}

/**
 * One meter event per usage event, identified by the event itself — or, with `aggregate`, one
 * per customer × meter × minute for meters Stripe sums (a count or last-value meter would change
 * meaning if several events became one). An aggregate is named after its first event, which
 * belongs to no other unit, so the identifier is unique and never reused.
 */
export function planMeterEvents(events: PendingEvent[], aggregate: boolean): PlannedUnit[] {
  const units = new Map<string, PlannedUnit>();
  for (const e of [...events].sort((a, b) => compareIds(a.eventId, b.eventId))) {
    const summable = aggregate && e.aggregation === 'sum';
    const minute = Math.floor(e.occurredAtMs / 60_000) * 60_000;
    const key = summable ? `${e.customerId}|${e.meterId}|${minute}` : `event|${e.eventId}`;
    const unit = units.get(key);
    if (unit) {
      unit.value = addDecimal(unit.value, e.quantity);
      unit.acceptedAtMs = Math.min(unit.acceptedAtMs, e.acceptedAtMs);
      unit.eventIds.push(e.eventId);
      continue;
    }
    units.set(key, {
      id: meterEventIdentifier(summable ? 'ua' : 'ue', e.source, e.idempotencyKey),
      customerId: e.customerId,
      meterId: e.meterId,
      eventName: e.eventName,
      stripeCustomerId: e.stripeCustomerId,
      value: normalizeDecimal(e.quantity),
      timestampMs: summable ? minute : e.occurredAtMs,
      acceptedAtMs: e.acceptedAtMs,
      eventIds: [e.eventId],
    });
  }
  return [...units.values()];
}

/** Retry delay after the n-th failed attempt: 1 s doubling, capped at 5 minutes, with ±20 % jitter. */
export function forwardBackoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

// Exact decimal addition on strings of up to 9 fraction digits (the column's scale), so a sum of
// many small quantities is not rounded the way a float would round it.
const SCALE = 9n;
function toScaled(v: string): bigint {
  const neg = v.startsWith('-');
  const [int = '0', frac = ''] = (neg ? v.slice(1) : v).split('.');
  const scaled = BigInt(int || '0') * 10n ** SCALE + BigInt((frac + '000000000').slice(0, Number(SCALE)) || '0');
  return neg ? -scaled : scaled;
}
function fromScaled(n: bigint): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const int = abs / 10n ** SCALE;
  const frac = (abs % 10n ** SCALE).toString().padStart(Number(SCALE), '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
export const addDecimal = (a: string, b: string) => fromScaled(toScaled(a) + toScaled(b));
export const normalizeDecimal = (v: string) => fromScaled(toScaled(v));
