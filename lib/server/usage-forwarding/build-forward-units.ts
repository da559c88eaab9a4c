import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { planMeterEvents, stripeWindowFlag, type PendingEvent } from './plan-meter-events';

// A customer not (yet) synced with Stripe has no id to bill: its events wait, and are looked at
// again this much later (an event that waits too long is flagged as too old, never dropped).
const WAIT_FOR_CUSTOMER_MS = 5 * 60_000;

interface Row {
  event_id: string;
  source: string;
  idempotency_key: string;
  customer_id: string;
  meter_id: string;
  aggregation: string;
  event_name: string | null;
  stripe_customer_id: string | null;
  quantity: string;
  occurred_at: Date;
  accepted_at: Date;
}

export interface BuildOutcome {
  built: number;
  events: number;
  flagged: number;
  waiting: number;
}

// Turns up to `limit` pending usage events into Stripe meter events ("units"), in one
// transaction: the pending rows are locked (SKIP LOCKED, so several forwarders share the work),
// units are inserted with their final identifier, value and timestamp, and the events point at
// their unit. From here on a unit is resent only as itself — a crash can never regroup events
// under a new identifier, which Stripe would count twice.
export async function buildForwardUnits(limit: number, aggregate: boolean): Promise<BuildOutcome> {
  const now = clock.now();
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<Row>(
      `SELECT f.event_id::text, e.source, e.idempotency_key, e.customer_id, e.meter_id, m.aggregation::text, m.stripe_event_name AS event_name,
              CASE WHEN c.billing_provider = 'stripe' THEN c.external_id END AS stripe_customer_id,
              e.quantity::text, e.occurred_at AT TIME ZONE 'UTC' AS occurred_at, f.accepted_at AT TIME ZONE 'UTC' AS accepted_at
         FROM usage_forwards f
         JOIN usage_events e ON e.id = f.event_id
         JOIN meters m ON m.id = e.meter_id
         LEFT JOIN customers c ON c.id = e.customer_id
        WHERE f.status = 'pending' AND f.next_attempt_at <= ($1::timestamptz AT TIME ZONE 'UTC')
        ORDER BY f.next_attempt_at, f.event_id
        LIMIT $2
          FOR UPDATE OF f SKIP LOCKED`,
      [now.toISOString(), limit],
    );
    const ready: PendingEvent[] = [];
    const flagged: { id: string; reason: string }[] = [];
    const waiting: { id: string; reason: string }[] = [];
    for (const r of rows) {
      const flag = stripeWindowFlag(r.occurred_at.getTime(), now.getTime());
      if (flag) flagged.push({ id: r.event_id, reason: flag });
      else if (!r.event_name) waiting.push({ id: r.event_id, reason: 'meter_not_mapped_to_stripe' });
      else if (!r.stripe_customer_id) waiting.push({ id: r.event_id, reason: 'customer_not_in_stripe' });
      else
        ready.push({
          eventId: r.event_id,
          source: r.source,
          idempotencyKey: r.idempotency_key,
          customerId: r.customer_id,
          meterId: r.meter_id,
          aggregation: r.aggregation,
          eventName: r.event_name,
          stripeCustomerId: r.stripe_customer_id,
          quantity: r.quantity,
          occurredAtMs: r.occurred_at.getTime(),
          acceptedAtMs: r.accepted_at.getTime(),
        });
    }
    const units = planMeterEvents(ready, aggregate);
    if (units.length) {
      const col = <T>(f: (u: (typeof units)[number]) => T) => units.map(f);
      await client.query(
        `INSERT INTO usage_forward_units (id, customer_id, meter_id, event_name, stripe_customer_id, value, timestamp,
                                          event_count, accepted_at, next_attempt_at)
         SELECT t.id, t.customer_id, t.meter_id, t.event_name, t.stripe_customer_id, t.value,
                t.ts AT TIME ZONE 'UTC', t.event_count, t.accepted_at AT TIME ZONE 'UTC', $10::timestamptz AT TIME ZONE 'UTC'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[],
                       $7::timestamptz[], $8::int[], $9::timestamptz[])
                AS t(id, customer_id, meter_id, event_name, stripe_customer_id, value, ts, event_count, accepted_at)
         ON CONFLICT (id) DO NOTHING`,
        [
          col((u) => u.id),
          col((u) => u.customerId),
          col((u) => u.meterId),
          col((u) => u.eventName),
          col((u) => u.stripeCustomerId),
          col((u) => u.value),
          col((u) => new Date(u.timestampMs).toISOString()),
          col((u) => u.eventIds.length),
          col((u) => new Date(u.acceptedAtMs).toISOString()),
          now.toISOString(),
        ],
      );
      const members = units.flatMap((u) => u.eventIds.map((id) => [id, u.id] as const));
      await client.query(
        `UPDATE usage_forwards f SET status = 'batched', unit_id = m.unit_id, flag_reason = NULL
           FROM unnest($1::bigint[], $2::text[]) AS m(event_id, unit_id) WHERE f.event_id = m.event_id`,
        [members.map((m) => m[0]), members.map((m) => m[1])],
      );
    }
    if (flagged.length)
      await client.query(
        `UPDATE usage_forwards f SET status = 'flagged', flag_reason = x.reason
           FROM unnest($1::bigint[], $2::text[]) AS x(event_id, reason) WHERE f.event_id = x.event_id`,
        [flagged.map((f) => f.id), flagged.map((f) => f.reason)],
      );
    if (waiting.length)
      await client.query(
        `UPDATE usage_forwards f SET next_attempt_at = ($3::timestamptz AT TIME ZONE 'UTC'), flag_reason = x.reason
           FROM unnest($1::bigint[], $2::text[]) AS x(event_id, reason) WHERE f.event_id = x.event_id`,
        [
          waiting.map((w) => w.id),
          waiting.map((w) => w.reason),
          new Date(now.getTime() + WAIT_FOR_CUSTOMER_MS).toISOString(),
        ],
      );
    await client.query('COMMIT');
    return { built: units.length, events: ready.length, flagged: flagged.length, waiting: waiting.length };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
