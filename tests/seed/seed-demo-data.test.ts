import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@/prisma/seed/seed-demo-data';
import { createFreshDatabase } from '../helpers/fresh-database';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('seedDemoData', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase('seed');
  });
  afterAll(async () => fresh?.drop());

  it('seeds a consistent demo world once, and is a no-op afterwards', async () => {
    const first = await seedDemoData(fresh.db, { customers: 16, days: 10, now: NOW });
    expect(first.seeded).toBe(true);
    expect(first.customers).toBe(16);
    const db = fresh.db;
    expect(await db.customer.count()).toBe(16);
    expect(await db.plan.count()).toBe(4);
    expect(await db.meter.count()).toBe(3);
    expect(await db.user.findMany({ select: { role: true }, orderBy: { role: 'asc' } })).toEqual([
      { role: 'admin' },
      { role: 'revops' },
      { role: 'support' },
    ]);
    expect(await db.invoice.count()).toBe(16 * 3);
    expect(await db.incident.count()).toBe(1);
    expect(await db.policy.count()).toBe(6);
    expect(await db.usageRollupHourly.count()).toBe(first.rollups);

    // Invoice totals equal the sum of their lines.
    const { rows } = await fresh.pool.query<{ id: string; total: number; lines: string }>(
      'SELECT i.id, i.total, SUM(l.amount) AS lines FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id, i.total',
    );
    expect(rows.length).toBe(48);
    for (const r of rows) expect(Number(r.lines)).toBe(r.total);

    // Paid invoices have a succeeded attempt; open ones only failures.
    const open = await db.invoice.findMany({
      where: { status: 'open' },
      select: { paymentAttempts: { select: { succeeded: true } } },
    });
    for (const inv of open)
      expect(inv.paymentAttempts.every((a) => !a.succeeded) && inv.paymentAttempts.length > 0).toBe(true);

    // Every failing invoice was decided by the real billing-ops agent (no hand-written records).
    const failing = await db.invoice.findMany({ where: { status: 'open' }, select: { id: true } });
    const dunning = await db.agentRun.findMany({
      where: { agentId: 'billing-ops', modelId: 'recovery-model/v1' },
      include: { actions: true },
    });
    expect(
      await db.action.count({ where: { kind: 'dunning_step', agentRun: { modelId: { not: 'recovery-model/v1' } } } }),
    ).toBe(0);
    expect(failing.length).toBeGreaterThan(0);
    expect(dunning.map((r) => (r.inputs as { invoiceId: string }).invoiceId).sort()).toEqual(
      failing.map((i) => i.id).sort(),
    );
    for (const r of dunning) {
      expect(r).toMatchObject({ agentVersion: '1.1.0', status: 'succeeded', modelId: 'recovery-model/v1' });
      expect((r.outputs as { dunning: { declineClass: string } }).dunning.declineClass).toMatch(
        /soft|hard|needs_customer|fraud/,
      );
    }

    // Every customer has a default card; the one expiring next month got the card check's reminder.
    expect(await db.paymentCard.count()).toBe(16);
    const reminders = await db.agentRun.findMany({
      where: { agentId: 'billing-ops', inputs: { path: ['check'], equals: 'expiring_card' } },
      include: { actions: true },
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.inputs).toMatchObject({ card: { expMonth: 7, expYear: 2026 } });
    expect(reminders[0]!.actions).toMatchObject([{ kind: 'email' }]);

    const again = await seedDemoData(fresh.db, { customers: 16, days: 10, now: NOW });
    expect(again.seeded).toBe(false);
    expect(await db.customer.count()).toBe(16);
  }, 120_000);
});
