import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { forwardUsage } from '@/lib/server/usage-forwarding/forward-usage';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { FakeStripeMeters } from '../fixtures/fake-stripe-meters';
import { createForwardingWorld, forwardStates, type ForwardingWorld } from './forwarding-world';

// The forwarder against the fake Stripe over real HTTP, on real PostgreSQL: every accepted
// event reaches Stripe as one meter event, failures are retried with the same identifier, and
// nothing acknowledged is ever sent again.

let fake: FakeStripeServer;
let meters: FakeStripeMeters;
let stripe: Stripe;
let w: ForwardingWorld;

beforeAll(async () => {
  fake = await new FakeStripeServer().start();
  meters = new FakeStripeMeters(fake);
  meters.hangMs = 800;
  const url = new URL(fake.url);
  stripe = new Stripe('sk_test_forward', {
    host: url.hostname,
    port: url.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    timeout: 300,
  });
});
afterAll(async () => fake.close());
beforeEach(async () => {
  // Units other tests left waiting must not be sent (and counted) by this test's forwarder.
  await getPool().query(`UPDATE usage_forward_units SET status = 'acked' WHERE status <> 'acked'`);
  await getPool().query(`UPDATE usage_forwards SET status = 'flagged' WHERE status = 'pending'`);
  w = await createForwardingWorld(meters);
});

// Retries wait for their backoff; a test moves past it by forwarding again "later".
async function forwardUntilDone(options: Parameters<typeof forwardUsage>[1] = {}) {
  for (let i = 0; i < 20; i++) {
    await forwardUsage(stripe, options);
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS n FROM usage_forward_units WHERE customer_id = $1 AND status IN ('queued', 'sending')`,
      [w.customerId],
    );
    if (rows[0].n === 0) return;
    await getPool().query(
      `UPDATE usage_forward_units SET next_attempt_at = next_attempt_at - interval '10 minutes' WHERE customer_id = $1 AND status = 'sending'`,
      [w.customerId],
    );
  }
  throw new Error('forwarding did not finish');
}

describe('usage forwarding to Stripe meters', () => {
  it('forwards each accepted event once, as a v1 meter event identified by the event', async () => {
    await w.ingest([1, 2, 3, 4, 5]);
    const outcome = await forwardUsage(stripe);
    expect(outcome).toMatchObject({ built: 5, acked: 5, retried: 0 });
    const received = meters.receipts.filter((r) => r.customer === w.stripeCustomerId);
    expect(received).toHaveLength(5);
    expect(new Set(received.map((r) => r.identifier)).size).toBe(5);
    expect(received.every((r) => r.via === 'v1' && r.eventName === w.eventName)).toBe(true);
    expect(meters.countedTotal(w.stripeCustomerId, w.eventName)).toBe(15);
    expect((await forwardStates(w)).map((s) => s.unit_status)).toEqual(Array(5).fill('acked'));

    // A second pass has nothing to send.
    await forwardUsage(stripe);
    expect(meters.receipts.filter((r) => r.customer === w.stripeCustomerId)).toHaveLength(5);
  });

  it('retries 429, 500 and timeouts with the same identifier, and never resends what was acknowledged', async () => {
    await w.ingest([10, 20, 30, 40]);
    meters.inject(429, 500, 'timeout', 'applied_then_500');
    await forwardUntilDone({ concurrency: 1 });
    const received = meters.receipts.filter((r) => r.customer === w.stripeCustomerId);
    // Four faults: the 429 and the plain 500 never counted, the timeout may have (here it did
    // not: the fake answers late), the "applied, answer lost" counted once and was resent once.
    const repeats = [...meters.repeatedIdentifiers()].filter(([id]) => received.some((r) => r.identifier === id));
    expect(repeats).toHaveLength(1);
    expect(repeats[0]![1]).toBe(2);
    expect(meters.countedTotal(w.stripeCustomerId, w.eventName)).toBe(100);
    expect((await forwardStates(w)).every((s) => s.unit_status === 'acked')).toBe(true);
    const { rows } = await getPool().query(
      `SELECT max(attempts)::int AS a FROM usage_forward_units WHERE customer_id = $1`,
      [w.customerId],
    );
    expect(rows[0].a).toBeGreaterThan(1);
  });

  it('sends batches on the v2 meter event stream when enabled', async () => {
    await w.ingest(Array.from({ length: 250 }, () => 2));
    const before = fake.requestsTo('POST', '/v2/billing/meter_event_stream').length;
    const outcome = await forwardUsage(stripe, { mode: 'v2' });
    expect(outcome.acked).toBe(250);
    expect(fake.requestsTo('POST', '/v2/billing/meter_event_stream').length - before).toBe(3); // 100 + 100 + 50
    expect(meters.countedTotal(w.stripeCustomerId, w.eventName)).toBe(500);
    expect(meters.receipts.filter((r) => r.customer === w.stripeCustomerId).every((r) => r.via === 'v2')).toBe(true);
  });

  it('pre-aggregates per customer × meter × minute when configured', async () => {
    const minute = Math.floor((clock.nowMs() - 5 * 60_000) / 60_000) * 60_000;
    await w.ingest([1, 1, 1, 2, 2], (i) => minute + (i < 3 ? 1_000 * i : 60_000 + 1_000 * i));
    const outcome = await forwardUsage(stripe, { aggregate: true });
    expect(outcome).toMatchObject({ built: 2, acked: 2 });
    const received = meters.receipts.filter((r) => r.customer === w.stripeCustomerId);
    expect(received.map((r) => [r.value, r.timestamp * 1000]).sort()).toEqual([
      [3, minute],
      [4, minute + 60_000],
    ]);
  });

  it('flags events too old or too far ahead for Stripe instead of dropping them', async () => {
    const now = clock.nowMs();
    await w.ingest([1, 1, 1], (i) => [now - 40 * 86_400_000, now + 3_600_000, now - 60_000][i]!);
    await forwardUsage(stripe);
    const states = await forwardStates(w);
    expect(states.map((s) => [s.status, s.flag_reason])).toEqual([
      ['flagged', 'too_old_for_stripe'],
      ['flagged', 'in_future_for_stripe'],
      ['batched', null],
    ]);
    expect(meters.receipts.filter((r) => r.customer === w.stripeCustomerId)).toHaveLength(1);
  });

  it('flags a unit Stripe refuses outright, with its error', async () => {
    meters.meters.delete(w.stripeMeterId); // the event name is no longer known to Stripe
    await w.ingest([7]);
    await forwardUsage(stripe);
    const { rows } = await getPool().query(
      `SELECT status::text, last_error FROM usage_forward_units WHERE customer_id = $1`,
      [w.customerId],
    );
    expect(rows).toEqual([{ status: 'flagged', last_error: expect.stringContaining('No active meter') }]);
  });
});
