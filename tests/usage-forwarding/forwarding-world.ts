import { getDb, getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { insertUsageEvents, type StorableEvent } from '@/lib/server/usage-store/insert-usage-events';
import { uniq } from '../helpers/fresh-database';
import type { FakeStripeMeters } from '../fixtures/fake-stripe-meters';

export interface ForwardingWorld {
  tag: string;
  customerId: string;
  stripeCustomerId: string;
  meterId: string;
  stripeMeterId: string;
  eventName: string;
  /** Stores events through the real ingest statement; returns their idempotency keys. */
  ingest: (quantities: number[], at?: (i: number) => number) => Promise<string[]>;
}

// A customer synced with Stripe and a sum meter mapped to a Stripe billing meter (registered on
// the fake), so every event accepted for them is queued for forwarding.
export async function createForwardingWorld(
  meters: FakeStripeMeters,
  opts: { aggregation?: 'sum' | 'count' } = {},
): Promise<ForwardingWorld> {
  const tag = uniq('fw');
  const db = getDb();
  const stripeCustomerId = `cus_${tag}`;
  const stripeMeterId = `mtr_${tag}`;
  const eventName = `${tag}_calls`;
  const customer = await db.customer.create({ data: { name: `Customer ${tag}`, externalId: stripeCustomerId } });
  const meter = await db.meter.create({
    data: {
      key: `${tag}_calls`,
      name: 'API calls',
      unit: 'calls',
      aggregation: opts.aggregation ?? 'sum',
      externalId: stripeMeterId,
      stripeEventName: eventName,
    },
  });
  meters.addMeter(stripeMeterId, eventName, opts.aggregation === 'count' ? 'count' : 'sum');
  let n = 0;
  return {
    tag,
    customerId: customer.id,
    stripeCustomerId,
    meterId: meter.id,
    stripeMeterId,
    eventName,
    ingest: async (quantities, at = () => clock.nowMs() - 60_000) => {
      const events: StorableEvent[] = quantities.map((quantity, i) => ({
        source: `fw-${tag}`,
        idempotencyKey: `e${n + i}`,
        customerId: customer.id,
        meterId: meter.id,
        quantity,
        occurredAtMs: at(i),
        propertiesJson: '{}',
        payloadHash: `h${n + i}`,
      }));
      n += quantities.length;
      await insertUsageEvents(getPool(), events);
      return events.map((e) => e.idempotencyKey);
    },
  };
}

/** The forwarding state of every event of the world's meter. */
export async function forwardStates(w: ForwardingWorld) {
  const { rows } = await getPool().query<{
    event_id: string;
    status: string;
    unit_id: string | null;
    unit_status: string | null;
    flag_reason: string | null;
  }>(
    `SELECT f.event_id::text, f.status::text, f.unit_id, u.status::text AS unit_status, f.flag_reason
       FROM usage_events e JOIN usage_forwards f ON f.event_id = e.id LEFT JOIN usage_forward_units u ON u.id = f.unit_id
      WHERE e.meter_id = $1 ORDER BY e.id`,
    [w.meterId],
  );
  return rows;
}
