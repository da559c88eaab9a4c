import type pg from 'pg';

export interface StorableEvent {
  source: string;
  idempotencyKey: string;
  customerId: string;
  meterId: string;
  quantity: number;
  occurredAtMs: number;
  propertiesJson: string;
  payloadHash: string;
}

export type StoreVerdict = 'accepted' | 'duplicate' | 'conflict' | 'vanished';

// One statement per batch: insert every event (ON CONFLICT DO NOTHING on the unique
// (source, idempotency_key) index), add the inserted ones to their hourly rollups — one upsert
// per (customer, meter, hour) — queue the events of meters mapped to Stripe for forwarding
// (usage_forwards, see lib/server/usage-forwarding), and, when a channel is given, NOTIFY the customers that changed
// (payload as notifyEntitlementsChanged writes it). Run on its own, it is its own transaction:
// events, rollups and notification commit together in one round trip. Rows go in in key order and rollups in (customer, meter, hour)
// order, so concurrent batches lock in the same order and do not deadlock. The joins drop an
// event whose customer or meter vanished since it was resolved, instead of failing the batch on
// a foreign key. Prepared (named), so PostgreSQL plans it once per connection.
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[], $7::jsonb[], $8::text[])
           WITH ORDINALITY AS t(source, idempotency_key, customer_id, meter_id, quantity, occurred_at, properties, payload_hash, ord)
), ins AS (
  INSERT INTO usage_events (source, idempotency_key, customer_id, meter_id, quantity, occurred_at, properties, payload_hash)
  SELECT i.source, i.idempotency_key, i.customer_id, i.meter_id, i.quantity, i.occurred_at AT TIME ZONE 'UTC', i.properties, i.payload_hash
    FROM input i
    JOIN customers c ON c.id = i.customer_id
    JOIN meters m ON m.id = i.meter_id
   ORDER BY i.ord
  ON CONFLICT (source, idempotency_key) DO NOTHING
  RETURNING id, source, idempotency_key, customer_id, meter_id, quantity, occurred_at, received_at
), fwd AS (
  INSERT INTO usage_forwards (event_id, accepted_at, next_attempt_at)
  SELECT ins.id, ins.received_at, ins.received_at FROM ins JOIN meters m ON m.id = ins.meter_id
   WHERE m.stripe_event_name IS NOT NULL ORDER BY ins.id
), roll AS (
  INSERT INTO usage_rollups_hourly AS r (customer_id, meter_id, hour, quantity, max_quantity, event_count)
  SELECT customer_id, meter_id, date_trunc('hour', occurred_at), sum(quantity), max(quantity), count(*)
    FROM ins GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (customer_id, meter_id, hour) DO UPDATE
    SET quantity = r.quantity + EXCLUDED.quantity,
        max_quantity = GREATEST(r.max_quantity, EXCLUDED.max_quantity),
        event_count = r.event_count + EXCLUDED.event_count
), changed AS (
  SELECT json_build_object('customerIds', json_agg(DISTINCT customer_id))::text AS payload FROM ins HAVING count(*) > 0
), notified AS (
  SELECT pg_notify($9::text, CASE WHEN length(payload) > 7900 THEN '{"all":true}' ELSE payload END) FROM changed WHERE $9::text <> ''
)
SELECT source, idempotency_key, (SELECT count(*) FROM notified) AS notified FROM ins`;

const STORED_SQL = `SELECT e.source, e.idempotency_key, e.payload_hash
  FROM unnest($1::text[], $2::text[]) AS k(source, idempotency_key)
  JOIN usage_events e ON e.source = k.source AND e.idempotency_key = k.idempotency_key`;

// Inserts events (of one or several sources) inside the caller's transaction and classifies each
// event: accepted (inserted
// now), duplicate (the key is stored with the same payload hash), conflict (stored with another
// hash — the stored event is left as it was) or vanished (its customer or meter was deleted meanwhile).
export async function insertUsageEvents(
  client: Pick<pg.PoolClient, 'query'>,
  events: StorableEvent[],
  notifyChannel = '',
): Promise<StoreVerdict[]> {
  const ids = events.map((e) => `${e.source}\u0000${e.idempotencyKey}`);
  const order = events.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  const col = <T>(f: (e: StorableEvent) => T) => order.map((i) => f(events[i]!));
  const { rows } = await client.query<{ source: string; idempotency_key: string }>({
    name: 'tollgate_ingest_insert',
    text: INSERT_SQL,
    values: [
      col((e) => e.source),
      col((e) => e.idempotencyKey),
      col((e) => e.customerId),
      col((e) => e.meterId),
      col((e) => String(e.quantity)),
      col((e) => new Date(e.occurredAtMs).toISOString()),
      col((e) => e.propertiesJson),
      col((e) => e.payloadHash),
      notifyChannel,
    ],
  });
  const inserted = new Set(rows.map((r) => `${r.source}\u0000${r.idempotency_key}`));
  const verdicts: StoreVerdict[] = new Array(events.length);
  const rest: number[] = [];
  for (const i of order) {
    // A key repeated inside the batch: its first occurrence was inserted, the others compare.
    if (inserted.delete(ids[i]!)) verdicts[i] = 'accepted';
    else rest.push(i);
  }
  if (!rest.length) return verdicts;
  const unique = [...new Set(rest.map((i) => ids[i]!))].map((id) => id.split('\u0000') as [string, string]);
  const stored = await client.query<{ source: string; idempotency_key: string; payload_hash: string }>({
    name: 'tollgate_ingest_stored',
    text: STORED_SQL,
    values: [unique.map((u) => u[0]), unique.map((u) => u[1])],
  });
  const hashes = new Map(stored.rows.map((r) => [`${r.source}\u0000${r.idempotency_key}`, r.payload_hash]));
  for (const i of rest) {
    const hash = hashes.get(ids[i]!);
    verdicts[i] = hash === undefined ? 'vanished' : hash === events[i]!.payloadHash ? 'duplicate' : 'conflict';
  }
  return verdicts;
}
