import { describe, expect, it } from 'vitest';
import { normalizeSubscription } from './normalize-subscription';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

type Json = Record<string, any>;
const d = (seconds: number) => new Date(seconds * 1000);
const oldEvent = () => readFixture<Json>('events/customer.subscription.updated.stripe-ruby-mock.json');
const current = () => readFixture<Json>('objects-current-schema/subscription.fixtures3.json');

/** The 2020 fixture rewritten as basil sends it: periods on the items, none on the subscription. */
function toBasil(subscription: Json): Json {
  const { current_period_start, current_period_end, plan: _plan, quantity: _q, ...rest } = subscription;
  return {
    ...rest,
    items: {
      ...rest.items,
      data: rest.items.data.map((item: Json) => ({ ...item, current_period_start, current_period_end })),
    },
  };
}

describe('normalizeSubscription', () => {
  it('normalises the 2020-08-27 customer.subscription.updated fixture', () => {
    expect(normalizeSubscription(oldEvent().data.object)).toEqual({
      externalId: 'sub_000000000000000000000000',
      customerExternalId: 'cus_00000000000000',
      status: 'active',
      currentPeriodStart: d(1648320105),
      currentPeriodEnd: d(1650998505),
      cancelAtPeriodEnd: false,
      cancelAt: null,
      canceledAt: null,
      items: [
        {
          externalId: 'si_00000000000000',
          priceExternalId: 'price_000000000000000000000000',
          productExternalId: 'prod_00000000000000',
          meterExternalId: null,
          quantity: 1,
          unitAmount: 1500,
          interval: 'month',
          intervalCount: 1,
          usageType: 'licensed',
          currentPeriodStart: null,
          currentPeriodEnd: null,
        },
      ],
      planExternalId: 'price_000000000000000000000000',
      planProductExternalId: 'prod_00000000000000',
      createdAt: d(1648320105),
    });
  });

  it('reads the same subscription in basil shape to the same period', () => {
    const old = normalizeSubscription(oldEvent().data.object);
    const basil = normalizeSubscription(toBasil(oldEvent().data.object));
    expect(basil.currentPeriodStart).toEqual(old.currentPeriodStart);
    expect(basil.currentPeriodEnd).toEqual(old.currentPeriodEnd);
    expect(basil.items[0]).toMatchObject({ currentPeriodStart: d(1648320105), currentPeriodEnd: d(1650998505) });
    expect({ ...basil, items: [] }).toEqual({ ...old, items: [] });
  });

  it('normalises the current-schema fixture: period from the item, price preferred over plan', () => {
    const record = normalizeSubscription(current());
    expect(record).toMatchObject({
      externalId: 'sub_1Pgc6rB7WZ01zgkWNy0Cn5nw',
      customerExternalId: 'cus_QXg1o8vcGmoR32',
      status: 'active',
      // Copied as-is: the fixture's item period ends before it starts (generated values).
      currentPeriodStart: d(1896570518),
      currentPeriodEnd: d(976287773),
      cancelAtPeriodEnd: true,
      cancelAt: d(1234567890),
      canceledAt: d(1234567890),
      planExternalId: 'price_1PgafmB7WZ01zgkW6dKueIc5',
      planProductExternalId: 'prod_QXg1hqf4jFNsqG',
      createdAt: d(1234567890),
    });
    // The item's legacy `plan` says obj_123 / product null / tiered; the price wins.
    expect(record.items).toEqual([
      expect.objectContaining({
        externalId: 'si_QXhVnC2h0Jczwc',
        priceExternalId: 'price_1PgafmB7WZ01zgkW6dKueIc5',
        productExternalId: 'prod_QXg1hqf4jFNsqG',
        unitAmount: 2000,
        interval: 'month',
        intervalCount: 1,
        usageType: 'licensed',
        meterExternalId: null,
      }),
    ]);
  });

  it('reads metered items with a meter, and picks the licensed item as the plan', () => {
    const sub = current();
    const licensed = sub.items.data[0];
    const metered = {
      ...licensed,
      id: 'si_metered',
      quantity: undefined,
      price: {
        ...licensed.price,
        id: 'price_api_calls',
        product: { id: 'prod_api', object: 'product' },
        unit_amount: null,
        unit_amount_decimal: '0.25',
        recurring: { interval: 'month', interval_count: 1, meter: 'mtr_api_calls', usage_type: 'metered' },
      },
    };
    const record = normalizeSubscription({ ...sub, items: { ...sub.items, data: [metered, licensed] } });
    expect(record.items[0]).toMatchObject({
      externalId: 'si_metered',
      priceExternalId: 'price_api_calls',
      productExternalId: 'prod_api',
      meterExternalId: 'mtr_api_calls',
      quantity: null,
      unitAmount: null,
      usageType: 'metered',
    });
    expect(record.planExternalId).toBe('price_1PgafmB7WZ01zgkW6dKueIc5');
  });

  it('tolerates absent optional fields and an empty item list', () => {
    const record = normalizeSubscription({
      id: 'sub_min',
      object: 'subscription',
      customer: { id: 'cus_x', object: 'customer' },
    });
    expect(record).toMatchObject({
      customerExternalId: 'cus_x',
      status: null,
      currentPeriodStart: null,
      cancelAtPeriodEnd: false,
      items: [],
      planExternalId: null,
      createdAt: null,
    });
  });

  it('throws with the field path when a required id is missing', () => {
    const { customer: _c, ...noCustomer } = current();
    expect(() => normalizeSubscription(noCustomer)).toThrow(/subscription\.customer/);
    const sub = current();
    const noItemId = { ...sub, items: { data: [{ ...sub.items.data[0], id: undefined }] } };
    expect(() => normalizeSubscription(noItemId)).toThrow(/subscription\.items\.data\[0\]\.id/);
  });

  it('falls back to customer_account when customer is null (newest API)', () => {
    expect(
      normalizeSubscription({ ...current(), customer: null, customer_account: 'acct_v2' }).customerExternalId,
    ).toBe('acct_v2');
  });
});
