import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { agentJob } from '@/lib/server/agents/agent-triggers';
import { developerSuccess } from '@/lib/server/agents/developer-success/developer-success';
import type { StoredScoreFactors } from '@/lib/server/scores/record-customer-scores';
import { makeUsageWorld, type UsageWorld } from '../agents/usage-world';

const DAY = 86_400_000;
const job = agentJob(developerSuccess);

async function runJob(input: Record<string, unknown>) {
  await job.handler(job.payloadSchema.parse({ trigger: 'manual', ...input }), { jobId: 'test', attempt: 1 });
}
const scoresOf = (customerId: string) =>
  getDb().customerHealthScore.findMany({ where: { customerId }, orderBy: { computedAt: 'asc' } });
const runsOf = (customerId: string) =>
  getDb().agentRun.findMany({ where: { customerId, agentId: 'developer-success' }, orderBy: { startedAt: 'asc' } });

async function troubled(w: UsageWorld) {
  const db = getDb();
  const at = (days: number) => new Date(w.now.getTime() - days * DAY);
  await db.paymentAttempt.createMany({
    data: [3, 10, 35].map((d) => ({
      customerId: w.customer.id,
      amount: 19_900,
      currency: 'usd',
      succeeded: false,
      failureCode: 'card_declined',
      attemptedAt: at(d),
    })),
  });
  await db.subscription.update({ where: { id: w.subscription.id }, data: { status: 'past_due' } });
  await db.supportTicket.createMany({
    data: [
      { subject: 'We want to cancel', body: 'Frustrated: the API is broken again. Please cancel.', priority: 'normal' },
      { subject: 'Outage again', body: 'This is unacceptable.', priority: 'high' },
    ].map((t, i) => ({ ...t, status: 'open' as const, customerId: w.customer.id, createdAt: at(2 + i) })),
  });
}

// Usage events whose properties show a deep integration: 8 endpoints, 3 regions, 4 API keys.
async function wiredIn(w: UsageWorld) {
  await getDb().usageEvent.createMany({
    data: Array.from({ length: 24 }, (_, i) => ({
      source: `test_${w.tag}`,
      idempotencyKey: `${w.tag}_${i}`,
      customerId: w.customer.id,
      meterId: w.meter.id,
      quantity: 1,
      occurredAt: new Date(w.now.getTime() - (i + 1) * 3_600_000),
      properties: { endpoint: `/v1/e${i % 8}`, region: ['us', 'eu', 'ap'][i % 3], api_key_id: `key_${i % 4}` },
      payloadHash: `h${i}`,
    })),
  });
}

describe('developer success agent', () => {
  it('growth past the limit: a high expansion score whose factors add up, and one band decision', async () => {
    const w = await makeUsageWorld({ kind: 'growth', monthly: 0.4 }, { utilisation: 1.4 });
    await wiredIn(w);
    await runJob({ customerIds: [w.customer.id], asOf: w.now.toISOString() });
    const [row] = await scoresOf(w.customer.id);
    expect(row).toBeDefined();
    const factors = row!.factors as unknown as StoredScoreFactors;
    expect(row!.expansion).toBeGreaterThanOrEqual(70);
    expect(row!.expansion).toBeGreaterThan(row!.churnRisk);
    for (const card of [factors.expansion, factors.health, factors.churnRisk]) {
      const sum = card.factors.reduce((a, f) => a + f.points, 0);
      expect(Math.abs(sum - card.score)).toBeLessThanOrEqual(0.6);
      for (const f of card.factors) expect(f.points).toBeLessThanOrEqual(f.maxPoints);
    }
    expect(factors.expansion.factors.find((f) => f.key === 'headroom')!.points).toBeGreaterThan(15);
    expect(factors.signals.crossingAt).not.toBeNull();
    expect(factors.expansion.factors.find((f) => f.key === 'integration')!.points).toBeGreaterThanOrEqual(7);
    expect(factors.plan.key).toBe(w.growth.key);

    const runs = await runsOf(w.customer.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', agentVersion: '1.0.0' });
    expect((runs[0]!.outputs as { entered: string[] }).entered).toContain('expansion_ready');

    // The same instant again (a repeated job): nothing new. A day later: a new point of history,
    // but no new decision — the customer did not change band.
    await runJob({ customerIds: [w.customer.id], asOf: w.now.toISOString() });
    expect(await scoresOf(w.customer.id)).toHaveLength(1);
    await runJob({ customerIds: [w.customer.id], asOf: new Date(w.now.getTime() + DAY).toISOString() });
    expect(await scoresOf(w.customer.id)).toHaveLength(2);
    expect(await runsOf(w.customer.id)).toHaveLength(1);
  });

  it('falling usage, failed payments and an angry cancel ticket: high churn risk, low health', async () => {
    const healthy = await makeUsageWorld({ kind: 'steady' }, { utilisation: 0.6 });
    const w = await makeUsageWorld({ kind: 'drop_to_zero', hoursAgo: 24 * 6 }, { utilisation: 0.6 });
    await troubled(w);
    await runJob({ customerIds: [w.customer.id, healthy.customer.id], asOf: w.now.toISOString() });
    const [bad] = await scoresOf(w.customer.id);
    const [good] = await scoresOf(healthy.customer.id);
    expect(bad!.churnRisk).toBeGreaterThanOrEqual(60);
    expect(good!.churnRisk).toBeLessThan(40);
    expect(bad!.health).toBeLessThan(good!.health - 30);
    const churn = (bad!.factors as unknown as StoredScoreFactors).churnRisk.factors;
    expect(churn.find((f) => f.key === 'payment')!.points).toBe(20);
    expect(churn.find((f) => f.key === 'downgrade')!.detail).toContain('cancel');
    const [run] = await runsOf(w.customer.id);
    expect((run!.outputs as { entered: string[] }).entered).toEqual(['at_risk']);
    expect(run!.reasoning).toContain('at risk of churn');
  });

  it('a billing event scores only the customer its object belongs to', async () => {
    const a = await makeUsageWorld({ kind: 'steady' }, { utilisation: 0.5 });
    const b = await makeUsageWorld({ kind: 'steady' }, { utilisation: 0.5 });
    const externalId = `in_${a.tag}`;
    await getDb().invoice.create({
      data: {
        customerId: a.customer.id,
        externalId,
        status: 'open',
        currency: 'usd',
        periodStart: a.periodStart,
        periodEnd: a.now,
        subtotal: 19_900,
        total: 19_900,
        amountDue: 19_900,
      },
    });
    await runJob({ trigger: 'invoice.payment_failed', objectId: externalId, asOf: a.now.toISOString() });
    expect(await scoresOf(a.customer.id)).toHaveLength(1);
    expect(await scoresOf(b.customer.id)).toHaveLength(0);
  });
});
