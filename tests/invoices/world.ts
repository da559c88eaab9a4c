import { getDb } from '@/lib/db';
import { uniq } from '../helpers/fresh-database';

// A customer on a plan with an API-calls allowance and two monthly invoices (February → March)
// in the shared test database, with ids of its own. The March usage line has no included
// quantity or unit price of its own: the mapper takes them from the plan.

const day = (s: string) => new Date(`${s}T00:00:00Z`);

export async function createInvoiceWorld() {
  const db = getDb();
  const tag = uniq('ix').replace(/[^A-Za-z0-9_]/g, '');
  const meter = await db.meter.upsert({
    where: { key: 'api_calls' },
    create: { key: 'api_calls', name: 'API calls', unit: 'requests', aggregation: 'sum' },
    update: {},
    select: { id: true },
  });
  const plan = await db.plan.create({
    data: {
      key: `plan_${tag}`,
      name: 'Growth',
      basePriceMinor: 19900,
      limits: { create: [{ meterId: meter.id, includedQuantity: 1_000_000, overageUnitPrice: 0.08 }] },
    },
  });
  const customer = await db.customer.create({
    data: { id: `cus_${tag}`, name: `Acme ${tag}`, externalId: `cus_X${tag}` },
  });
  const subscription = await db.subscription.create({
    data: {
      customerId: customer.id,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: day('2026-03-01'),
      currentPeriodEnd: day('2026-04-01'),
    },
  });
  const month = async (m: '02' | '03', apiCalls: number, status: 'paid' | 'open') => {
    const start = day(`2026-${m}-01`);
    const end = m === '02' ? day('2026-03-01') : day('2026-04-01');
    const usage = Math.round(Math.max(0, apiCalls - 1_000_000) * 0.08);
    const total = 19900 + usage;
    return db.invoice.create({
      data: {
        id: `inv_${tag}_${m}`,
        externalId: `in_X${tag}${m}`,
        customerId: customer.id,
        subscriptionId: subscription.id,
        number: `TG-${m}-${tag.slice(-6)}`,
        status,
        currency: 'usd',
        periodStart: start,
        periodEnd: end,
        subtotal: total,
        total,
        amountDue: total,
        amountPaid: status === 'paid' ? total : 0,
        lines: {
          create: [
            {
              id: `il_${tag}_${m}_plan`,
              kind: 'flat',
              description: 'Growth plan',
              quantity: 1,
              unitAmountDecimal: 19900,
              amount: 19900,
              periodStart: start,
              periodEnd: end,
              position: 0,
            },
            {
              id: `il_${tag}_${m}_api`,
              kind: 'usage',
              description: 'API calls',
              meterId: meter.id,
              quantity: apiCalls,
              amount: usage,
              periodStart: start,
              periodEnd: end,
              position: 1,
            },
          ],
        },
      },
      select: { id: true, externalId: true, number: true },
    });
  };
  const february = await month('02', 1_500_000, 'paid');
  const march = await month('03', 2_250_000, 'open');
  return { tag, customer, plan, meterId: meter.id, february, march };
}

export async function createUser(role: 'admin' | 'revops' | 'support' = 'revops') {
  const id = uniq('usr').replace(/[^A-Za-z0-9_]/g, '');
  return getDb().user.create({
    data: { id, email: `${id}@example.test`, name: `Test ${role}`, role },
    select: { id: true, email: true, name: true, role: true },
  });
}
