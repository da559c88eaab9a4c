import { beforeAll, describe, expect, it } from 'vitest';
import { clock } from '@/lib/clock';
import { getDb } from '@/lib/db';
import type { PortfolioOverview } from '@/lib/schemas/overview';
import { portfolioOverview } from '@/lib/schemas/overview';
import { getPortfolioOverview } from '@/lib/server/overview/get-portfolio-overview';
import { uniq } from '../helpers/fresh-database';

// The suite shares one database with the other files, so every figure is checked as the change
// this file's rows make, in a currency no other test uses (NOK): what the overview adds up is
// exactly what was stored, and rows that must not count (executed actions, paid invoices,
// other agents' runs, older scores, deleted customers) do not.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CURRENCY = 'nok';
const nok = (o: { currency: string; amountMinor: number }[]) =>
  o.find((t) => t.currency === CURRENCY)?.amountMinor ?? 0;

async function customer(name: string, deleted = false) {
  return getDb().customer.create({
    data: { name: uniq(name), billingProvider: 'ledger', deletedAt: deleted ? clock.now() : null },
  });
}

async function subscribe(customerId: string, basePriceMinor: number, interval = 'month') {
  const db = getDb();
  const now = clock.now();
  const plan = await db.plan.create({
    data: { key: uniq('plan'), name: 'Overview plan', currency: CURRENCY, basePriceMinor, interval },
  });
  await db.subscription.create({
    data: {
      customerId,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: new Date(now.getTime() - 10 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
    },
  });
}

async function score(customerId: string, at: Date, expansion: number, crossingAt: number | null) {
  await getDb().customerHealthScore.create({
    data: {
      customerId,
      health: 50,
      expansion,
      churnRisk: 20,
      computedAt: at,
      factors: { signals: { crossingAt, headroomUsed: 0.5 } },
    },
  });
}

describe('portfolio overview', () => {
  let before: PortfolioOverview;
  let after: PortfolioOverview;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    before = await getPortfolioOverview();
    const db = getDb();
    const now = clock.now();
    const a = await customer('Overview A');
    const b = await customer('Overview B');
    const c = await customer('Overview C');
    const gone = await customer('Overview gone', true);
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, gone: gone.id });

    // Approvals: three pending (one due within a day), one executed, one failed.
    const action = (
      status: 'pending_approval' | 'executed' | 'failed',
      kind: 'credit' | 'plan_change',
      amount: number,
      dueInHours = 48,
    ) =>
      db.action.create({
        data: {
          kind,
          status,
          customerId: a.id,
          title: `Overview ${kind} ${amount}`,
          amountMinor: amount,
          currency: CURRENCY,
          reviewDeadline: new Date(now.getTime() + dueInHours * HOUR),
        },
      });
    await action('pending_approval', 'credit', 500);
    await action('pending_approval', 'credit', 1_500);
    await action('pending_approval', 'plan_change', 2_000, 3);
    await action('executed', 'credit', 9_000);
    await action('failed', 'credit', 700);

    // Anomalies: two episodes reported 2 h ago, one three days ago; another agent's run and a
    // deleted customer's run do not count.
    const episode = (meterKey: string, runaway = false) => ({
      meterKey,
      at: new Date(now.getTime() - 5 * HOUR).toISOString(),
      direction: 'up',
      kind: 'level_shift',
      runaway,
    });
    const run = (agentId: string, customerId: string, hoursAgo: number, episodes: ReturnType<typeof episode>[]) =>
      db.agentRun.create({
        data: {
          agentId,
          agentVersion: '1',
          customerId,
          trigger: { type: 'test' },
          inputs: {},
          outputs: { episodes },
          status: 'succeeded',
          startedAt: new Date(now.getTime() - hoursAgo * HOUR),
        },
      });
    await run('usage-analyst', b.id, 2, [episode('api_calls', true), episode('storage_gb')]);
    await run('usage-analyst', b.id, 72, [episode('api_calls')]);
    await run('developer-success', b.id, 1, [episode('api_calls')]);
    await run('usage-analyst', gone.id, 1, [episode('api_calls')]);

    // Quota and expansion from the latest score: A crosses in 3 days (an older score said 20),
    // B is already past its quantity, C crosses in 10 days (not this week) and is expansion-ready.
    const scored = new Date(now.getTime() - HOUR);
    await score(a.id, new Date(scored.getTime() - DAY), 90, scored.getTime() + 20 * DAY);
    await score(a.id, scored, 40, scored.getTime() + 3 * DAY);
    await score(b.id, scored, 75, scored.getTime());
    await score(c.id, scored, 85, scored.getTime() + 10 * DAY);
    await score(gone.id, scored, 99, scored.getTime() + DAY);

    // Dunning: A owes 5,000 after a failed attempt, B 1,000 on an invoice past its due date; an
    // unattempted invoice due later, a paid one and a void one are not at risk.
    const invoice = (
      customerId: string,
      status: 'open' | 'paid' | 'void',
      remaining: number,
      attempts: number,
      dueInDays: number,
    ) =>
      db.invoice.create({
        data: {
          customerId,
          status,
          currency: CURRENCY,
          periodStart: new Date(now.getTime() - 30 * DAY),
          periodEnd: now,
          subtotal: remaining,
          total: remaining,
          amountDue: remaining,
          amountRemaining: remaining,
          attemptCount: attempts,
          dueDate: new Date(now.getTime() + dueInDays * DAY),
        },
      });
    await invoice(a.id, 'open', 5_000, 1, 5);
    await invoice(b.id, 'open', 1_000, 0, -2);
    await invoice(c.id, 'open', 3_000, 0, 10);
    await invoice(c.id, 'paid', 0, 1, -5);
    await invoice(c.id, 'void', 4_000, 2, -5);
    await subscribe(a.id, 10_000);
    await subscribe(b.id, 120_000, 'year');
    await subscribe(c.id, 30_000);

    after = await getPortfolioOverview();
  });

  it('matches its response contract', () => {
    expect(() => portfolioOverview.parse(after)).not.toThrow();
  });

  it('adds up pending approvals by kind and value; executed ones do not count, failed ones are flagged', () => {
    expect(after.approvals.pending - before.approvals.pending).toBe(3);
    expect(after.approvals.dueSoon - before.approvals.dueSoon).toBe(1);
    expect(nok(after.approvals.atStake) - nok(before.approvals.atStake)).toBe(4_000);
    const credit = (o: PortfolioOverview) => o.approvals.byKind.find((k) => k.kind === 'credit');
    expect(nok(credit(after)!.atStake) - nok(credit(before)?.atStake ?? [])).toBe(2_000);
    expect(after.approvals.failedRecently - before.approvals.failedRecently).toBe(1);
    const amounts = after.approvals.largest.map((a) => a.amountMinor ?? -1);
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
  });

  it("counts the Usage Analyst's episodes of the last 24 hours, newest first", () => {
    expect(after.anomalies.today - before.anomalies.today).toBe(2);
    // The list is the newest few reports: ours, unless other files' runs are newer than them.
    const recent = after.anomalies.recent;
    const reported = recent.map((r) => Date.parse(r.reportedAt));
    expect(reported).toEqual([...reported].sort((a, b) => b - a));
    const ours = recent.filter((r) => r.customerId === ids.b);
    // Fewer than our three only when the list is full of newer reports.
    if (ours.length < 3) expect(recent).toHaveLength(8);
    const cutoff = clock.nowMs() - 3 * HOUR;
    const lastHours = ours.filter((r) => Date.parse(r.reportedAt) > cutoff);
    // The two reported 2 h ago come before the one reported three days ago.
    expect(ours.slice(0, lastHours.length)).toEqual(lastHours);
    expect(new Set(lastHours.map((r) => r.meterKey)).size).toBe(lastHours.length);
    for (const r of lastHours) expect(['api_calls', 'storage_gb']).toContain(r.meterKey);
    for (const r of lastHours) expect(r.runaway).toBe(r.meterKey === 'api_calls');
    expect(after.anomalies.recent.some((r) => r.customerId === ids.gone)).toBe(false);
  });

  it("reads quota crossings from each customer's latest score", () => {
    expect(after.quota.overNow - before.quota.overNow).toBe(1);
    const week = after.quota.crossingThisWeek.map((c) => c.customerId);
    expect(week).toContain(ids.a);
    expect(week).not.toContain(ids.c);
    expect(week).not.toContain(ids.gone);
  });

  it('totals what is owed on failed or overdue invoices and the MRR of those customers', () => {
    expect(after.dunning.invoices - before.dunning.invoices).toBe(2);
    expect(after.dunning.customers - before.dunning.customers).toBe(2);
    expect(nok(after.dunning.outstanding) - nok(before.dunning.outstanding)).toBe(6_000);
    // A's monthly 100.00 and B's yearly 1,200.00 as a twelfth; C is not in dunning.
    expect(nok(after.dunning.mrrAtRisk) - nok(before.dunning.mrrAtRisk)).toBe(20_000);
  });

  it('lists expansion-ready customers by their latest score, with their MRR', () => {
    expect(after.expansion.ready - before.expansion.ready).toBe(2); // B and C; A's 90 is not its latest
    expect(nok(after.expansion.mrr) - nok(before.expansion.mrr)).toBe(40_000);
    const top = after.expansion.top.find((t) => t.customerId === ids.c);
    if (top) expect(top).toMatchObject({ score: 85, mrrMinor: 30_000, currency: CURRENCY });
  });
});
