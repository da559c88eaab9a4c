import { describe, expect, it } from 'vitest';
import { clock } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getDunningTimeline } from '@/lib/server/dunning/get-dunning-timeline';
import { createUsageWorld, event, postCheck, postUsage, type UsageWorld } from '../helpers/usage-world';

// What /entitlements/check answers while a subscription is past due, per the plan's policy
// (allow N days, then included usage only, then refuse), counted from the first failed payment
// of the oldest unpaid invoice — and what the customer page shows of it.

const DAY = 86_400_000;

async function pastDueFor(w: UsageWorld, days: number) {
  await getDb().subscription.updateMany({ where: { customerId: w.customerId }, data: { status: 'past_due' } });
  const now = clock.nowMs();
  await getDb().invoice.create({
    data: {
      customerId: w.customerId,
      number: `PD-${w.customerId.slice(-6)}`,
      status: 'open',
      currency: 'usd',
      periodStart: new Date(now - 40 * DAY),
      periodEnd: new Date(now - 10 * DAY),
      subtotal: 1000,
      total: 1000,
      amountDue: 1000,
      amountRemaining: 1000,
      attemptCount: 2,
      paymentAttempts: {
        create: [
          {
            customerId: w.customerId,
            amount: 1000,
            currency: 'usd',
            succeeded: false,
            failureCode: 'insufficient_funds',
            attemptedAt: new Date(now - days * DAY),
          },
          {
            customerId: w.customerId,
            amount: 1000,
            currency: 'usd',
            succeeded: false,
            failureCode: 'insufficient_funds',
            attemptedAt: new Date(now - 1 * DAY),
          },
        ],
      },
    },
  });
}

const check = async (w: UsageWorld, quantity: number) =>
  (await postCheck(w.token, { customerId: w.customerId, meter: w.meters.sum, quantity })).body;

describe('past-due grace in the entitlement check', () => {
  it('within the allowed days: answered as usual, overage included, with where the customer stands', async () => {
    const w = await createUsageWorld();
    await getDb().pastDuePolicy.create({ data: { planId: w.planId, allowDays: 5, refuseAfterDays: 10 } });
    await pastDueFor(w, 3);
    await postUsage(w.token, [event(w, { quantity: 990 })]);
    const answer = await check(w, 20);
    expect(answer).toMatchObject({ allowed: true, reason: 'overage', pastDue: { phase: 'grace' } });
    expect(Date.parse(answer.pastDue.softLimitFrom) - Date.parse(answer.pastDue.since)).toBe(5 * DAY);
    expect(Date.parse(answer.pastDue.refuseFrom) - Date.parse(answer.pastDue.since)).toBe(10 * DAY);
  });

  it('after the allowed days: included usage only — overage is refused as past_due_soft_limit', async () => {
    const w = await createUsageWorld();
    await getDb().pastDuePolicy.create({ data: { planId: w.planId, allowDays: 5, refuseAfterDays: 10 } });
    await pastDueFor(w, 7);
    await postUsage(w.token, [event(w, { quantity: 990 })]);
    expect(await check(w, 10)).toMatchObject({
      allowed: true,
      reason: 'within_limit',
      pastDue: { phase: 'soft_limit' },
    });
    expect(await check(w, 11)).toMatchObject({ allowed: false, reason: 'past_due_soft_limit', remaining: 10 });
  });

  it('after refuseAfterDays: refused; the plan default applies without a policy row', async () => {
    const w = await createUsageWorld();
    await getDb().pastDuePolicy.create({ data: { planId: w.planId, allowDays: 5, refuseAfterDays: 10 } });
    await pastDueFor(w, 12);
    expect(await check(w, 1)).toMatchObject({ allowed: false, reason: 'past_due', pastDue: { phase: 'refused' } });

    const d = await createUsageWorld();
    await pastDueFor(d, 12); // default: 14 days of grace
    expect(await check(d, 1)).toMatchObject({ allowed: true, pastDue: { phase: 'grace' } });
  });

  it('a paid invoice or an active subscription ends the grace: no pastDue in the answer', async () => {
    const w = await createUsageWorld();
    await pastDueFor(w, 30);
    await getDb().invoice.updateMany({
      where: { customerId: w.customerId },
      data: { status: 'paid', amountRemaining: 0 },
    });
    const answer = await check(w, 1);
    expect(answer).toMatchObject({ allowed: true, reason: 'within_limit' });
    expect(answer.pastDue).toBeUndefined();
  });

  it('the customer page shows the plan’s grace and the current phase', async () => {
    const w = await createUsageWorld();
    await getDb().pastDuePolicy.create({ data: { planId: w.planId, allowDays: 5, refuseAfterDays: 10 } });
    await pastDueFor(w, 7);
    const t = await getDunningTimeline(w.customerId);
    expect(t.grace).toMatchObject({ planName: 'Test plan', allowDays: 5, refuseAfterDays: 10, isDefault: false });
    expect(t.grace!.current!.phase).toBe('soft_limit');
    expect(t.episodes).toHaveLength(1);
    expect(t.episodes[0]).toMatchObject({
      outcome: 'open',
      failures: [{ code: 'insufficient_funds' }, { code: 'insufficient_funds' }],
    });
  });
});
