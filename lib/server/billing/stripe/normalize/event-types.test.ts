import { describe, expect, it } from 'vitest';
import {
  compareOrderingKeys,
  HANDLED_STRIPE_EVENT_TYPES,
  isHandledStripeEventType,
  isOlderThanStored,
  objectOrderingKey,
  recordKindOf,
} from './event-types';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

type Json = Record<string, any>;
const fixtureEvent = (name: string) =>
  readFixture<{ type: string; created: number; data: { object: Json } }>(`events/${name}.stripe-ruby-mock.json`);
const evt = (type: string, created: number, object: Json) => ({ type, created, data: { object } });

describe('handled event types', () => {
  it('lists the nineteen handled types and maps each to a record kind', () => {
    expect(HANDLED_STRIPE_EVENT_TYPES).toHaveLength(19);
    expect(Object.fromEntries(HANDLED_STRIPE_EVENT_TYPES.map((t) => [t, recordKindOf(t)]))).toEqual({
      'customer.created': 'customer',
      'customer.updated': 'customer',
      'customer.deleted': 'customer',
      'customer.subscription.created': 'subscription',
      'customer.subscription.updated': 'subscription',
      'customer.subscription.deleted': 'subscription',
      'invoice.created': 'invoice',
      'invoice.finalized': 'invoice',
      'invoice.updated': 'invoice',
      'invoice.paid': 'invoice',
      'invoice.payment_failed': 'payment_failure',
      'invoice.payment_action_required': 'invoice',
      'charge.failed': 'payment_failure',
      'charge.dispute.created': 'dispute',
      'payment_intent.payment_failed': 'payment_failure',
      'payment_method.attached': 'payment_method',
      'payment_method.updated': 'payment_method',
      'payment_method.automatically_updated': 'payment_method',
      'payment_method.detached': 'payment_method',
    });
    expect(isHandledStripeEventType('invoice.payment_succeeded')).toBe(false);
    expect(isHandledStripeEventType('plan.created')).toBe(false);
    expect(isHandledStripeEventType('invoice.paid')).toBe(true);
  });
});

describe('objectOrderingKey', () => {
  it('keys fixture events by object id, event.created and a status hint', () => {
    expect(objectOrderingKey(fixtureEvent('invoice.created'))).toEqual({
      objectType: 'invoice',
      externalId: 'in_000000000000000000000000',
      eventCreated: 1648320110,
      objectVersionHint: [0, 0, 0],
    });
    expect(objectOrderingKey(fixtureEvent('invoice.paid')).objectVersionHint).toEqual([3, 1, 2000]);
    expect(objectOrderingKey(fixtureEvent('customer.subscription.updated'))).toEqual({
      objectType: 'subscription',
      externalId: 'sub_000000000000000000000000',
      eventCreated: 1648320106,
      objectVersionHint: [1, 1648320105],
    });
    expect(objectOrderingKey(fixtureEvent('charge.dispute.created')).objectVersionHint).toEqual([0]);
  });

  it('invoice.finalized and invoice.paid fixtures share a second and a state: neither is older', () => {
    const finalized = objectOrderingKey(fixtureEvent('invoice.finalized'));
    const paid = objectOrderingKey(fixtureEvent('invoice.paid'));
    expect(finalized.eventCreated).toBe(paid.eventCreated);
    expect(compareOrderingKeys(finalized, paid)).toBe(0);
    expect(isOlderThanStored(finalized, paid)).toBe(false);
  });

  it('an earlier event never overwrites a later one, whatever its status', () => {
    const failed = objectOrderingKey(fixtureEvent('invoice.payment_failed')); // created 1648320009, open
    const paid = objectOrderingKey(fixtureEvent('invoice.paid')); // created 1648320015, paid
    expect(isOlderThanStored(failed, paid)).toBe(true);
    expect(isOlderThanStored(paid, failed)).toBe(false);
    expect(isOlderThanStored(failed, null)).toBe(false);
  });

  it('same second: invoice status rank breaks the tie (draft < open < uncollectible < paid = void)', () => {
    const at = (status: string, extra: Json = {}) =>
      objectOrderingKey(evt('invoice.updated', 100, { id: 'in_1', object: 'invoice', status, ...extra }));
    expect(isOlderThanStored(at('draft'), at('open'))).toBe(true);
    expect(isOlderThanStored(at('open'), at('paid'))).toBe(true);
    expect(isOlderThanStored(at('uncollectible'), at('paid'))).toBe(true);
    expect(isOlderThanStored(at('open'), at('uncollectible'))).toBe(true);
    expect(compareOrderingKeys(at('paid'), at('void'))).toBe(0);
    // Within "open", a later attempt is newer.
    expect(isOlderThanStored(at('open', { attempt_count: 1 }), at('open', { attempt_count: 2 }))).toBe(true);
    // Unknown statuses rank lowest.
    expect(isOlderThanStored(at('some_future_status'), at('open'))).toBe(true);
  });

  it('same second: terminal subscription states win, and a renewed period is newer', () => {
    const sub = (status: string, periodStart: number) =>
      objectOrderingKey(
        evt('customer.subscription.updated', 100, {
          id: 'sub_1',
          object: 'subscription',
          status,
          items: { data: [{ id: 'si_1', current_period_start: periodStart }] }, // basil shape
        }),
      );
    expect(isOlderThanStored(sub('active', 10), sub('canceled', 10))).toBe(true);
    expect(isOlderThanStored(sub('incomplete', 10), sub('active', 10))).toBe(true);
    expect(compareOrderingKeys(sub('active', 10), sub('past_due', 10))).toBe(0);
    expect(isOlderThanStored(sub('active', 10), sub('active', 20))).toBe(true);
  });

  it('same second: customer.deleted wins; dispute status progresses', () => {
    const cus = { id: 'cus_1', object: 'customer' };
    expect(
      isOlderThanStored(
        objectOrderingKey(evt('customer.updated', 5, cus)),
        objectOrderingKey(evt('customer.deleted', 5, cus)),
      ),
    ).toBe(true);
    const dp = (status: string) =>
      objectOrderingKey(evt('charge.dispute.updated', 5, { id: 'dp_1', object: 'dispute', status }));
    expect(isOlderThanStored(dp('needs_response'), dp('under_review'))).toBe(true);
    expect(isOlderThanStored(dp('under_review'), dp('lost'))).toBe(true);
  });

  it('payment failures have no hint', () => {
    expect(
      objectOrderingKey(evt('charge.failed', 5, { id: 'ch_1', object: 'charge', status: 'failed' })).objectVersionHint,
    ).toEqual([]);
  });

  it('throws with the path when the event cannot be ordered', () => {
    expect(() =>
      objectOrderingKey({ type: 'invoice.paid', data: { object: { id: 'in_1', object: 'invoice' } } }),
    ).toThrow(/event\.created/);
    expect(() => objectOrderingKey(evt('invoice.paid', 1, { object: 'invoice' }))).toThrow(/event\.data\.object\.id/);
    expect(() => objectOrderingKey(evt('invoice.paid', 1, { id: 'in_1' }))).toThrow(/event\.data\.object\.object/);
  });
});
