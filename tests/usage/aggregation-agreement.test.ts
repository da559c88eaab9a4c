import { describe, expect, it } from 'vitest';
import { aggregateUsage, type MeterAggregation, type MeteredEvent } from '@/lib/analytics/meter-aggregation';
import { getDb, getPool } from '@/lib/db';
import { loadCustomerEntitlements } from '@/lib/server/entitlements/load-customer-entitlements';
import { computeCustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import { loadCurrentUsage } from '@/lib/server/usage/load-current-usage';
import { hashUsageEvent } from '@/lib/server/usage-store/hash-usage-event';
import { insertUsageEvents, type StorableEvent } from '@/lib/server/usage-store/insert-usage-events';
import { uniq } from '../helpers/fresh-database';

const HOUR = 3_600_000;
const AGGREGATIONS: MeterAggregation[] = ['sum', 'count', 'max', 'unique_count'];

// One customer with a meter of each aggregation and the same events sent to each: some before
// the period (they must not count), several in one hour, repeated and missing unique values.
async function world() {
  const db = getDb();
  const tag = uniq('agg');
  const now = Date.now();
  const periodStart = new Date(Math.floor((now - 5 * 24 * HOUR) / HOUR) * HOUR);
  const meters = await Promise.all(
    AGGREGATIONS.map((aggregation) =>
      db.meter.create({
        data: {
          key: `${tag}_${aggregation}`,
          name: aggregation,
          unit: 'units',
          aggregation,
          uniqueProperty: aggregation === 'unique_count' ? 'user' : null,
        },
      }),
    ),
  );
  const plan = await db.plan.create({
    data: {
      key: `plan_${tag}`,
      name: 'Aggregation plan',
      basePriceMinor: 0,
      limits: { create: meters.map((m) => ({ meterId: m.id, includedQuantity: 1_000, overageUnitPrice: 1 })) },
    },
  });
  const customer = await db.customer.create({
    data: {
      name: `Customer ${tag}`,
      subscriptions: {
        create: {
          planId: plan.id,
          status: 'active',
          currentPeriodStart: periodStart,
          currentPeriodEnd: new Date(periodStart.getTime() + 30 * 24 * HOUR),
        },
      },
    },
  });
  // [hours after period start, quantity, user]; negative hours are before the period.
  const script: [number, number, string | null][] = [
    [-30, 50, 'u-old'], // before the period: counted by none
    [-2, 7, 'u1'],
    [1, 3, 'u1'],
    [1, 9, 'u2'],
    [1, 1, 'u1'],
    [20, 4, null], // no user: counted as an event, not as a unique value
    [48, 12, 'u3'],
    [49, 2, 'u2'],
    [90, 5, 'u4'],
  ];
  const events: { meterId: string; occurredAtMs: number; event: MeteredEvent }[] = [];
  for (const m of meters)
    script.forEach(([h, quantity, user], i) =>
      events.push({
        meterId: m.id,
        occurredAtMs: periodStart.getTime() + h * HOUR + i * 1000,
        event: { quantity, properties: user ? { user } : {} },
      }),
    );
  const storable: StorableEvent[] = events.map((e, i) => {
    const propertiesJson = JSON.stringify(e.event.properties);
    return {
      source: `test-${tag}`,
      idempotencyKey: `${tag}-${i}`,
      customerId: customer.id,
      meterId: e.meterId,
      quantity: e.event.quantity,
      occurredAtMs: e.occurredAtMs,
      propertiesJson,
      payloadHash: hashUsageEvent(customer.id, e.meterId, e.event.quantity, e.occurredAtMs, propertiesJson),
    };
  });
  const verdicts = await insertUsageEvents(getPool(), storable);
  expect(verdicts.every((v) => v === 'accepted')).toBe(true);
  const inPeriod = (meterId: string) =>
    events.filter((e) => e.meterId === meterId && e.occurredAtMs >= periodStart.getTime()).map((e) => e.event);
  return { customerId: customer.id, meters, inPeriod, now };
}

describe('one meaning per aggregation', () => {
  it('the console, the insights (agents) and the entitlement check give the reference figure for every aggregation', async () => {
    const w = await world();
    const expected = Object.fromEntries(
      w.meters.map((m) => [m.key, aggregateUsage(m.aggregation, w.inPeriod(m.id), m.uniqueProperty)]),
    );
    // The reference itself, so a wrong fixture cannot make every reader agree on nonsense.
    expect(Object.values(expected)).toEqual([36, 7, 12, 4]);

    const consoleUsage = (await loadCurrentUsage([w.customerId])).get(w.customerId)!;
    const entitlements = await loadCustomerEntitlements('id', w.customerId);
    const insights = (await computeCustomerInsights(w.customerId, new Date(w.now)))!;
    for (const m of w.meters) {
      const where = `${m.aggregation} meter`;
      expect(consoleUsage.find((u) => u.meterKey === m.key)?.used, `console, ${where}`).toBe(expected[m.key]);
      expect(entitlements.meters.get(m.key)?.used, `entitlement check, ${where}`).toBe(expected[m.key]);
      expect(insights.meters.find((i) => i.meterKey === m.key)?.used, `insights, ${where}`).toBe(expected[m.key]);
    }
  });
});
