import { afterAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { ChangeListener } from '@/lib/server/entitlements/change-listener';
import { EntitlementCache, applyEntitlementNotification } from '@/lib/server/entitlements/entitlement-cache';
import { loadCustomerEntitlements } from '@/lib/server/entitlements/load-customer-entitlements';
import { ENTITLEMENTS_CHANNEL } from '@/lib/server/entitlements/notify-entitlements-changed';
import { httpJson, spawnIngestServer, type IngestServer } from '../helpers/spawn-ingest-server';
import { createUsageWorld, event, postCheck, postUsage } from '../helpers/usage-world';

const until = async (ok: () => boolean | Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const listeners: ChangeListener[] = [];
let server: IngestServer | undefined;
afterAll(async () => {
  for (const l of listeners) await l.stop();
  await server?.kill('SIGKILL');
});

// A second "process": its own LISTEN connection and cache, as another instance would have.
function instance() {
  const holder = { resets: 0 } as { cache: EntitlementCache; listener: ChangeListener; resets: number };
  holder.cache = new EntitlementCache(() => holder.listener.live);
  holder.listener = new ChangeListener({
    connectionString: process.env.DATABASE_URL!,
    channels: [ENTITLEMENTS_CHANNEL],
    onNotify: (_c, payload) => applyEntitlementNotification(holder.cache, payload),
    onReset: () => {
      holder.resets++;
      holder.cache.flush();
    },
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  holder.listener.start();
  listeners.push(holder.listener);
  return holder;
}

describe('entitlement check', () => {
  it('answers allowed, limit, remaining, used and resetsAt by the documented rule', async () => {
    const w = await createUsageWorld();
    const check = async (body: Record<string, unknown>) => (await postCheck(w.token, body)).body;
    const resetsAt = w.periodEnd.toISOString();
    expect(await check({ customerId: w.customerId, meter: w.meters.sum })).toEqual({
      allowed: true,
      reason: 'within_limit',
      limit: 1000,
      remaining: 1000,
      used: 0,
      resetsAt,
    });

    await postUsage(w.token, [
      event(w, { quantity: 990 }),
      event(w, { meter: w.meters.capped, quantity: 140 }),
      event(w, { meter: w.meters.peak, quantity: 30 }),
    ]);
    expect(await check({ apiKey: w.apiKey, meter: w.meters.sum, quantity: 5 })).toEqual({
      allowed: true,
      reason: 'within_limit',
      limit: 1000,
      remaining: 10,
      used: 990,
      resetsAt,
    });
    // No hard limit: above the included quantity is allowed, as overage.
    expect(await check({ externalCustomerId: w.externalId, meter: w.meters.sum, quantity: 20 })).toMatchObject({
      allowed: true,
      reason: 'overage',
      remaining: 10,
    });
    // Hard limit 150 over 100 included: the limit is the hard limit.
    expect(await check({ customerId: w.customerId, meter: w.meters.capped, quantity: 5 })).toMatchObject({
      allowed: true,
      reason: 'overage',
      limit: 150,
      remaining: 10,
      used: 140,
    });
    expect(await check({ customerId: w.customerId, meter: w.meters.capped, quantity: 10 })).toMatchObject({
      allowed: true,
      reason: 'overage',
      remaining: 10,
    });
    expect(await check({ customerId: w.customerId, meter: w.meters.capped, quantity: 11 })).toMatchObject({
      allowed: false,
      reason: 'limit_exceeded',
      remaining: 10,
    });
    // A max meter compares the peak, not a sum.
    expect(await check({ customerId: w.customerId, meter: w.meters.peak, quantity: 40 })).toMatchObject({
      allowed: true,
      reason: 'within_limit',
      used: 30,
      limit: 50,
    });
    expect(await check({ customerId: w.customerId, meter: w.meters.peak, quantity: 60 })).toMatchObject({
      allowed: true,
      reason: 'overage',
    });

    expect(await check({ customerId: w.customerId, meter: w.meters.signed })).toMatchObject({
      allowed: false,
      reason: 'not_in_plan',
      limit: null,
    });
    expect(await check({ customerId: w.customerId, meter: 'no_such_meter' })).toMatchObject({
      allowed: false,
      reason: 'unknown_meter',
    });
    expect(await check({ apiKey: 'tg_test_unknown', meter: w.meters.sum })).toMatchObject({
      allowed: false,
      reason: 'unknown_customer',
      remaining: null,
    });
    const bare = await createUsageWorld({ subscription: false });
    expect(await check({ customerId: bare.customerId, meter: bare.meters.sum })).toMatchObject({
      allowed: false,
      reason: 'no_subscription',
      resetsAt: null,
    });
  });

  it('refuses bad requests with 401 and 422', async () => {
    const w = await createUsageWorld();
    expect((await postCheck('tg_ingest_wrong', { customerId: w.customerId, meter: w.meters.sum })).status).toBe(401);
    for (const body of [
      { meter: w.meters.sum },
      { customerId: w.customerId, apiKey: w.apiKey, meter: w.meters.sum },
      { customerId: w.customerId },
      { customerId: w.customerId, meter: w.meters.sum, quantity: -1 },
      { customerId: w.customerId, meter: w.meters.sum, reserve: true },
    ]) {
      const res = await postCheck(w.token, body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('two instances drop a customer when an ingest commits elsewhere (NOTIFY), and flush on reconnect', async () => {
    const w = await createUsageWorld();
    const a = instance();
    const b = instance();
    await until(() => a.listener.live && b.listener.live);
    for (const p of [a, b])
      p.cache.put(
        'id',
        w.customerId,
        await loadCustomerEntitlements('id', w.customerId),
        p.cache.beginLoad(),
        Date.now(),
      );
    expect(a.cache.get('id', w.customerId, Date.now())?.meters.get(w.meters.sum)?.used).toBe(0);

    expect((await postUsage(w.token, event(w, { quantity: 5 }))).status).toBe(202);
    await until(() => !a.cache.get('id', w.customerId, Date.now()) && !b.cache.get('id', w.customerId, Date.now()));
    const reloaded = await loadCustomerEntitlements('id', w.customerId);
    expect(reloaded.meters.get(w.meters.sum)?.used).toBe(5);

    // Cut b's LISTEN connection: its cache is flushed and serves nothing until it is back.
    b.cache.put('id', w.customerId, reloaded, b.cache.beginLoad(), Date.now());
    expect(b.cache.get('id', w.customerId, Date.now())).toBeDefined();
    const resets = b.resets;
    await getPool().query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "${ENTITLEMENTS_CHANNEL}"' AND pid <> pg_backend_pid()`,
    );
    // The reconnect may take only milliseconds (20 ms backoff): wait for the flush itself, not
    // for a moment of being down that polling could miss.
    await until(() => b.resets > resets);
    expect(b.cache.get('id', w.customerId, Date.now())).toBeUndefined();
    await until(() => b.listener.live);
    expect(b.cache.get('id', w.customerId, Date.now())).toBeUndefined();
  });

  it('another process answers from its cache and sees an ingest made here at once', async () => {
    const w = await createUsageWorld();
    server = await spawnIngestServer(process.env.DATABASE_URL!);
    const check = async () =>
      (
        await httpJson(`${server!.url}/api/v1/entitlements/check`, w.token, {
          customerId: w.customerId,
          meter: w.meters.capped,
        })
      ).body;
    await until(async () => (await check()).used === 0);
    expect((await postUsage(w.token, event(w, { meter: w.meters.capped, quantity: 149 }))).status).toBe(202);
    await until(async () => (await check()).used === 149, 5_000);
    expect(await check()).toMatchObject({ allowed: true, remaining: 1 });
    await postUsage(w.token, event(w, { meter: w.meters.capped, quantity: 1 }));
    await until(async () => (await check()).allowed === false);
  });

  it('concurrent reservations never exceed the hard limit; a retried key consumes once', async () => {
    const w = await createUsageWorld({ cappedIncluded: 100, cappedHardLimit: 150 });
    const reserve = (key: string, quantity = 5) =>
      postCheck(w.token, {
        customerId: w.customerId,
        meter: w.meters.capped,
        quantity,
        reserve: true,
        idempotencyKey: `${w.source}-${key}`,
      });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => reserve(`r${i}`)));
    const granted = results.filter((r) => r.body.allowed);
    expect(granted).toHaveLength(30);
    expect(granted.every((r) => r.body.reservation === 'recorded')).toBe(true);
    expect(
      results
        .filter((r) => !r.body.allowed)
        .every((r) => r.body.reason === 'limit_exceeded' && r.body.reservation === 'not_recorded'),
    ).toBe(true);
    const { _sum } = await getDb().usageEvent.aggregate({
      where: { customerId: w.customerId, source: 'entitlement-reserve' },
      _sum: { quantity: true },
    });
    expect(Number(_sum.quantity)).toBe(150);

    const firstKey = results.findIndex((r) => r.body.allowed);
    expect((await reserve(`r${firstKey}`)).body).toMatchObject({
      allowed: true,
      reservation: 'duplicate',
      used: 150,
      remaining: 0,
    });
    const conflict = await reserve(`r${firstKey}`, 6);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
    expect(await getDb().usageEvent.count({ where: { customerId: w.customerId, source: 'entitlement-reserve' } })).toBe(
      30,
    );
    expect(
      (await postCheck(w.token, { customerId: w.customerId, meter: w.meters.capped, quantity: 1 })).body,
    ).toMatchObject({ allowed: false, used: 150, remaining: 0 });
  });
});
