import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { resetEnvForTests } from '@/lib/env';
import { runAgent } from '@/lib/server/agents/run-agent';
import { usageReconciler } from '@/lib/server/agents/usage-reconciler/usage-reconciler';
import { forwardUsage } from '@/lib/server/usage-forwarding/forward-usage';
import { reconcileUsagePeriod } from '@/lib/server/reconciliation/reconcile-usage-period';
import { listDriftEvents } from '@/lib/server/reconciliation/list-drift-events';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { FakeStripeMeters } from '../fixtures/fake-stripe-meters';
import { setPolicy } from '../actions/world';
import { createForwardingWorld, type ForwardingWorld } from '../usage-forwarding/forwarding-world';

// Reconciliation on real PostgreSQL against the fake Stripe's meters over HTTP: a clean run has
// zero drift; events never acknowledged and an invoice line that disagrees are flagged at the
// right customer, meter and period, with the events to drill into and a drafted Slack alert.

let fake: FakeStripeServer;
let meters: FakeStripeMeters;
let stripe: Stripe;
const hour = Math.floor(clock.nowMs() / 3_600_000) * 3_600_000;
const from = new Date(hour - 3 * 3_600_000);
const to = new Date(hour);
const inPeriod = (i: number) => from.getTime() + 30 * 60_000 + i * 1_000;

beforeAll(async () => {
  fake = await new FakeStripeServer().start();
  meters = new FakeStripeMeters(fake);
  process.env.STRIPE_SECRET_KEY = 'sk_test_reconcile';
  process.env.STRIPE_API_BASE = fake.url;
  resetEnvForTests();
  const url = new URL(fake.url);
  stripe = new Stripe('sk_test_reconcile', {
    host: url.hostname,
    port: url.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  await setPolicy('slack_post', { mode: 'assist' });
});
afterAll(async () => fake.close());
beforeEach(async () => {
  await getPool().query(`UPDATE usage_forward_units SET status = 'acked' WHERE status <> 'acked'`);
  await getPool().query(`UPDATE usage_forwards SET status = 'flagged' WHERE status = 'pending'`);
});

const rowOf = (w: ForwardingWorld) =>
  getDb().usageReconciliation.findUniqueOrThrow({
    where: { customerId_meterId_periodStart: { customerId: w.customerId, meterId: w.meterId, periodStart: from } },
  });

describe('usage reconciliation', () => {
  it('shows zero drift when every event was forwarded and Stripe agrees', async () => {
    const w = await createForwardingWorld(meters);
    await w.ingest([3, 4, 5, 6], inPeriod);
    await forwardUsage(stripe);
    const rows = await reconcileUsagePeriod({ from, to, customerId: w.customerId, stripe, trigger: 'test' });
    expect(rows).toMatchObject([{ customerId: w.customerId, meterId: w.meterId, findings: [], flagged: false }]);
    const row = await rowOf(w);
    expect([row.accepted, row.rolledUp, row.forwarded, row.acknowledged, row.stripeReported].map(Number)).toEqual([
      18, 18, 18, 18, 18,
    ]);
  });

  it('flags events never acknowledged by Stripe, with a drill-down to them', async () => {
    const w = await createForwardingWorld(meters);
    await w.ingest([1, 2], inPeriod);
    await forwardUsage(stripe);
    meters.inject(500, 500, 500); // the next three never reach Stripe; no retry before the check
    await w.ingest([10, 20, 30], (i) => inPeriod(10 + i));
    await forwardUsage(stripe, { concurrency: 1 });
    const other = await createForwardingWorld(meters); // a clean neighbour stays clean
    await other.ingest([5], inPeriod);
    await forwardUsage(stripe);
    const rows = await reconcileUsagePeriod({ from, to, stripe, trigger: 'test' });
    const mine = rows.find((r) => r.customerId === w.customerId)!;
    expect(mine).toMatchObject({
      meterId: w.meterId,
      flagged: true,
      findings: ['3 event(s) not acknowledged by Stripe (60 units)'],
    });
    expect(rows.find((r) => r.customerId === other.customerId)).toMatchObject({ flagged: false });
    const row = await rowOf(w);
    expect([row.accepted, row.acknowledged, row.stripeReported].map(Number)).toEqual([63, 3, 3]);
    const events = await listDriftEvents(row.id, { onlyUnacknowledged: true });
    expect(events.map((e) => Number(e.quantity)).sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(events.every((e) => e.forwardState === 'sending')).toBe(true);
  });

  it('flags an invoice line that disagrees when the invoice is created, and drafts one Slack alert', async () => {
    const w = await createForwardingWorld(meters);
    await w.ingest([100, 200], inPeriod);
    await forwardUsage(stripe);
    const invoice = await getDb().invoice.create({
      data: {
        customerId: w.customerId,
        externalId: `in_${w.tag}`,
        status: 'open',
        currency: 'usd',
        periodStart: from,
        periodEnd: to,
        subtotal: 2500,
        total: 2500,
        amountDue: 2500,
        amountPaid: 0,
        lines: {
          create: [{ kind: 'usage', description: 'API calls', meterId: w.meterId, quantity: 250, amount: 2500 }],
        },
      },
    });
    const input = { trigger: 'invoice.created', objectId: invoice.externalId! };
    await runAgent(usageReconciler, input, { jobId: `rec-${w.tag}` });
    const row = await rowOf(w);
    expect(row).toMatchObject({ flagged: true, invoiceId: invoice.id, amountPaid: 0 });
    expect(row.findings).toEqual(['Invoice line quantity 250 differs from 300 metered']);
    const action = await getDb().action.findUniqueOrThrow({
      where: { id: row.actionId! },
      include: { revisions: true },
    });
    expect(action).toMatchObject({ kind: 'slack_post', customerId: w.customerId, status: 'pending_approval' });
    expect((action.revisions[0]!.payload as { text: string }).text).toContain(
      'Invoice line quantity 250 differs from 300 metered',
    );

    // The same drift found again drafts nothing more.
    await runAgent(usageReconciler, input, { jobId: `rec-${w.tag}-2` });
    expect(await getDb().action.count({ where: { customerId: w.customerId, kind: 'slack_post' } })).toBe(1);
  });
});
