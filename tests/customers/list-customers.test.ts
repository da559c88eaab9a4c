import { beforeAll, describe, expect, it } from 'vitest';
import { clock } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { customerListQuery, customerListResponse } from '@/lib/schemas/customers';
import { listCustomers } from '@/lib/server/customers/list-customers';
import { uniq } from '../helpers/fresh-database';

const DAY = 86_400_000;

// The customer list's standing filter (the Past-due view), combined with search and plan, and
// the catalog-driven choices its filters and columns come from.
describe('customer list', () => {
  const tag = uniq('cl');
  const planKey = uniq('plan_cl');
  const names = {
    late: `Late ${tag}`,
    unpaid: `Unpaid ${tag}`,
    flagged: `Flagged ${tag}`,
    fine: `Fine ${tag}`,
    trial: `Trial ${tag}`,
  };

  beforeAll(async () => {
    const db = getDb();
    const now = clock.now();
    const plan = await db.plan.create({ data: { key: planKey, name: `Plan ${tag}`, basePriceMinor: 1_000 } });
    const make = async (name: string, status: 'active' | 'past_due' | 'unpaid' | 'trialing', delinquent = false) => {
      const c = await db.customer.create({ data: { name, billingProvider: 'ledger', delinquent } });
      await db.subscription.create({
        data: {
          customerId: c.id,
          planId: plan.id,
          status,
          currentPeriodStart: new Date(now.getTime() - 5 * DAY),
          currentPeriodEnd: new Date(now.getTime() + 25 * DAY),
        },
      });
    };
    await make(names.late, 'past_due');
    await make(names.unpaid, 'unpaid');
    await make(names.flagged, 'active', true);
    await make(names.fine, 'active');
    await make(names.trial, 'trialing');
  });

  const list = async (q: Record<string, string>) =>
    customerListResponse.parse(await listCustomers(customerListQuery.parse({ q: tag, limit: '50', ...q })));

  it('Past due: past-due and unpaid subscriptions and delinquent customers, with the search applied', async () => {
    const page = await list({ standing: 'past_due' });
    expect(page.items.map((c) => c.name).sort()).toEqual([names.flagged, names.late, names.unpaid].sort());
    expect(page.total).toBe(3);
  });

  it('trialing and active standings, and the plan filter, combine with the search', async () => {
    expect((await list({ standing: 'trialing' })).items.map((c) => c.name)).toEqual([names.trial]);
    expect((await list({ standing: 'active' })).items.map((c) => c.name).sort()).toEqual(
      [names.fine, names.flagged].sort(),
    );
    expect((await list({ standing: 'past_due', plan: planKey })).total).toBe(3);
    expect((await list({ standing: 'past_due', plan: 'no_such_plan' })).total).toBe(0);
  });

  it('offers the catalog’s active plans and its meters as choices', async () => {
    const page = await list({});
    expect(page.plans).toContainEqual({ key: planKey, name: `Plan ${tag}` });
    const meterCount = await getDb().meter.count();
    expect(page.meters).toHaveLength(meterCount);
  });

  it('refuses an unknown standing', () => {
    expect(customerListQuery.safeParse({ standing: 'late' }).success).toBe(false);
  });
});
