import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getCustomer } from '@/lib/server/customers/get-customer';
import { flushIngestStats } from '@/lib/server/ingest/record-ingest-stats';
import { createUsageWorld, event, isoAgo, postUsage, type UsageWorld } from '../helpers/usage-world';

async function stored(w: UsageWorld) {
  const db = getDb();
  const events = await db.usageEvent.findMany({ where: { source: w.source } });
  const rollups = await db.usageRollupHourly.findMany({ where: { customerId: w.customerId } });
  return { events, rollups };
}

describe('usage idempotency', () => {
  it('same key and payload 10× in a row: stored once, one rollup increment', async () => {
    const w = await createUsageWorld();
    const e = event(w, { quantity: 7, properties: { region: 'eu' } });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await postUsage(w.token, e)).status);
    expect(statuses).toEqual([202, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
    const { events, rollups } = await stored(w);
    expect(events).toHaveLength(1);
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ eventCount: 1 });
    expect(Number(rollups[0]!.quantity)).toBe(7);
  });

  it('same key and payload 20× concurrently: exactly one accepted, one row, one increment', async () => {
    const w = await createUsageWorld();
    const e = event(w, { quantity: 3 });
    const results = await Promise.all(Array.from({ length: 20 }, () => postUsage(w.token, e)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    for (const r of results)
      expect(r.body).toEqual({ status: r.status === 202 ? 'accepted' : 'duplicate', idempotencyKey: e.idempotencyKey });
    const { events, rollups } = await stored(w);
    expect(events).toHaveLength(1);
    expect(rollups.map((r) => [r.eventCount, Number(r.quantity)])).toEqual([[1, 3]]);
  });

  it('20 concurrent batches sharing keys: every key stored once, rollups equal the stored events', async () => {
    const w = await createUsageWorld();
    const batch = Array.from({ length: 50 }, (_, i) =>
      event(w, { quantity: i + 1, idempotencyKey: `shared-${w.source}-${i}` }),
    );
    const shuffled = () => [...batch].sort(() => Math.random() - 0.5);
    const results = await Promise.all(Array.from({ length: 20 }, () => postUsage(w.token, shuffled())));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.reduce((n, r) => n + r.body.accepted, 0)).toBe(50);
    expect(results.reduce((n, r) => n + r.body.duplicates, 0)).toBe(50 * 19);
    const { events, rollups } = await stored(w);
    expect(events).toHaveLength(50);
    expect(rollups.reduce((n, r) => n + r.eventCount, 0)).toBe(50);
    expect(rollups.reduce((n, r) => n + Number(r.quantity), 0)).toBe((50 * 51) / 2);
  });

  it('same key with another payload: 409, and the stored event is untouched', async () => {
    const w = await createUsageWorld();
    const e = event(w, { quantity: 5, properties: { plan: 'a' } });
    expect((await postUsage(w.token, e)).status).toBe(202);
    for (const change of [
      { quantity: 6 },
      { properties: { plan: 'b' } },
      { timestamp: isoAgo(120_000) },
      { meter: w.meters.peak },
    ]) {
      const res = await postUsage(w.token, { ...e, ...change });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('idempotency_conflict');
    }
    const batch = await postUsage(w.token, [{ ...e, quantity: 9 }, event(w)]);
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r: any) => r.status)).toEqual(['conflict', 'accepted']);
    expect(batch.body.results[0].error.code).toBe('idempotency_conflict');
    const row = await getDb().usageEvent.findUniqueOrThrow({
      where: { source_idempotencyKey: { source: w.source, idempotencyKey: e.idempotencyKey } },
    });
    expect(Number(row.quantity)).toBe(5);
    expect(row.properties).toEqual({ plan: 'a' });
    expect(row.occurredAt.toISOString()).toBe(new Date(e.timestamp).toISOString());
  });

  it('the same event by customer id, external id or API key is one event; keys repeat inside a batch', async () => {
    const w = await createUsageWorld();
    const e = event(w, { properties: { b: 1, a: 2 } });
    expect((await postUsage(w.token, e)).status).toBe(202);
    const viaKey = { ...e, customerId: undefined, apiKey: w.apiKey, properties: { a: 2, b: 1 } };
    const viaExternal = { ...e, customerId: undefined, externalCustomerId: w.externalId };
    const fresh = event(w);
    const res = await postUsage(w.token, { events: [viaKey, viaExternal, fresh, fresh, { ...fresh, quantity: 2 }] });
    expect(res.body.results.map((r: any) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'accepted',
      'duplicate',
      'conflict',
    ]);
    expect((await stored(w)).events).toHaveLength(2);
  });

  it('keys are per source: another token’s source may reuse a key', async () => {
    const a = await createUsageWorld();
    const b = await createUsageWorld();
    const key = `k-${a.source}`;
    expect((await postUsage(a.token, event(a, { idempotencyKey: key }))).status).toBe(202);
    expect((await postUsage(b.token, event(a, { idempotencyKey: key }))).status).toBe(202);
  });

  it('accepts OpenMeter-style CloudEvents, single and batch, and maps them as documented', async () => {
    const w = await createUsageWorld();
    const time = isoAgo(5000);
    const ce = (id: string, data: Record<string, unknown>) => ({
      specversion: '1.0',
      id,
      source: 'gateway-1',
      type: w.meters.sum,
      subject: w.externalId,
      time,
      data,
    });
    const single = await postUsage(
      w.token,
      ce(`ce-1-${w.source}`, { value: 4, route: '/v1/x' }),
      'application/cloudevents+json',
    );
    expect(single).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const batch = await postUsage(
      w.token,
      [
        ce(`ce-2-${w.source}`, { quantity: 2 }),
        ce(`ce-3-${w.source}`, { value: 1.5, model: 'gpt' }),
        ce(`ce-1-${w.source}`, { value: 4, route: '/v1/x' }),
      ],
      'application/cloudevents-batch+json; charset=utf-8',
    );
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ accepted: 2, duplicates: 1 });
    const rows = await getDb().usageEvent.findMany({ where: { source: w.source }, orderBy: { idempotencyKey: 'asc' } });
    expect(rows.map((r) => [r.idempotencyKey, Number(r.quantity), r.customerId, r.properties])).toEqual([
      [`ce-1-${w.source}`, 4, w.customerId, { route: '/v1/x' }],
      [`ce-2-${w.source}`, 2, w.customerId, {}],
      [`ce-3-${w.source}`, 1.5, w.customerId, { model: 'gpt' }],
    ]);
  });

  it('counts accepted, duplicate and rejected per source and day', async () => {
    const w = await createUsageWorld();
    const e = event(w);
    await postUsage(w.token, [e, e, event(w), event(w, { quantity: 'x' }), { ...e, quantity: 4 }]);
    await flushIngestStats();
    const stat = await getDb().ingestDailyStat.findFirstOrThrow({ where: { source: w.source } });
    expect(stat).toMatchObject({ accepted: 2, duplicate: 1, rejected: 2 });
    expect(stat.day.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  });

  it('an ingested event shows in the customer detail (GET /api/v1/customers/:id) at once', async () => {
    const w = await createUsageWorld();
    const before = (await getCustomer(w.customerId)).usage.find((u) => u.meterKey === w.meters.sum)!;
    await postUsage(w.token, event(w, { quantity: 42 }));
    const after = (await getCustomer(w.customerId)).usage.find((u) => u.meterKey === w.meters.sum)!;
    expect(after.used - before.used).toBe(42);
  });
});
