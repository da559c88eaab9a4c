import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  forwardBackoffMs,
  meterEventIdentifier,
  planMeterEvents,
  stripeWindowFlag,
  type PendingEvent,
} from './plan-meter-events';

const ue = (id: string) => meterEventIdentifier('ue', 'api', `k${id}`);
const ua = (id: string) => meterEventIdentifier('ua', 'api', `k${id}`);

const base: Omit<PendingEvent, 'eventId' | 'idempotencyKey' | 'quantity' | 'occurredAtMs'> = {
  source: 'api',
  customerId: 'c1',
  meterId: 'm1',
  aggregation: 'sum',
  eventName: 'calls',
  stripeCustomerId: 'cus_1',
  acceptedAtMs: 0,
};
const ev = (
  eventId: string,
  quantity: string,
  occurredAtMs: number,
  extra: Partial<PendingEvent> = {},
): PendingEvent => ({
  ...base,
  eventId,
  idempotencyKey: `k${eventId}`,
  quantity,
  occurredAtMs,
  ...extra,
});

describe('planMeterEvents', () => {
  it('makes one unit per event, named after it, without aggregation', () => {
    const units = planMeterEvents([ev('10', '1.5', 1_000), ev('9', '2', 2_000)], false);
    expect(units.map((u) => [u.id, u.value, u.timestampMs])).toEqual([
      [ue('9'), '2', 2_000],
      [ue('10'), '1.5', 1_000],
    ]);
  });

  it('sums a customer × meter × minute exactly, and leaves non-sum meters alone', () => {
    const units = planMeterEvents(
      [
        ev('3', '0.1', 61_000),
        ev('4', '0.2', 119_999),
        ev('5', '1', 120_000),
        ev('6', '1', 61_000, { customerId: 'c2', stripeCustomerId: 'cus_2' }),
        ev('7', '1', 61_000, { aggregation: 'count' }),
      ],
      true,
    );
    expect(units.map((u) => [u.id, u.customerId, u.value, u.timestampMs, u.eventIds])).toEqual([
      [ua('3'), 'c1', '0.3', 60_000, ['3', '4']],
      [ua('5'), 'c1', '1', 120_000, ['5']],
      [ua('6'), 'c2', '1', 60_000, ['6']],
      [ue('7'), 'c1', '1', 61_000, ['7']],
    ]);
  });

  it('orders event ids numerically, so the aggregate is named after the first event', () => {
    expect(planMeterEvents([ev('100', '1', 0), ev('99', '1', 0)], true)[0]!.id).toBe(ua('99'));
  });

  it('names an event by its source and key, so another database cannot reuse the identifier', () => {
    expect(meterEventIdentifier('ue', 'api', 'k1')).toMatch(/^tg_ue_[0-9a-f]{40}$/);
    expect(meterEventIdentifier('ue', 'api', 'k1')).not.toBe(meterEventIdentifier('ue', 'api2', 'k1'));
    expect(meterEventIdentifier('ue', 'api', 'k1')).not.toBe(meterEventIdentifier('ua', 'api', 'k1'));
  });
});

describe('stripeWindowFlag', () => {
  const now = Date.UTC(2026, 11, 2);
  it('accepts recent events and flags those Stripe would refuse', () => {
    expect(stripeWindowFlag(now - 86_400_000, now)).toBeNull();
    expect(stripeWindowFlag(now + 4 * 60_000, now)).toBeNull();
    expect(stripeWindowFlag(now - 35 * 86_400_000, now)).toBe('too_old_for_stripe');
    expect(stripeWindowFlag(now + 6 * 60_000, now)).toBe('in_future_for_stripe');
  });
});

describe('helpers', () => {
  it('adds decimals without float error', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('-1.5', '1')).toBe('-0.5');
  });
  it('backs off exponentially with a cap', () => {
    expect(forwardBackoffMs(1, () => 0.5)).toBe(1_000);
    expect(forwardBackoffMs(4, () => 0.5)).toBe(8_000);
    expect(forwardBackoffMs(30, () => 0.5)).toBe(300_000);
  });
});
