import { getDb } from '@/lib/db';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type {
  CustomerListResponse,
  CustomerStanding,
  CustomerSummary,
  customerListQuery,
} from '@/lib/schemas/customers';
import { loadCurrentUsage } from '@/lib/server/usage/load-current-usage';
import { customerSummaryFrom, liveSubscriptionSelect } from './customer-summary';

type Query = z.infer<typeof customerListQuery>;

const STANDING: Record<CustomerStanding, Prisma.CustomerWhereInput> = {
  past_due: {
    OR: [{ delinquent: true }, { subscriptions: { some: { status: { in: ['past_due', 'unpaid'] } } } }],
  },
  trialing: { subscriptions: { some: { status: 'trialing' } } },
  active: { subscriptions: { some: { status: 'active' } } },
};

export async function listCustomers(query: Query): Promise<CustomerListResponse> {
  const db = getDb();
  const [plans, meters] = await Promise.all([
    db.plan.findMany({
      where: { active: true },
      orderBy: [{ rank: 'asc' }, { name: 'asc' }],
      select: { key: true, name: true },
    }),
    db.meter.findMany({ orderBy: { name: 'asc' }, select: { key: true, name: true } }),
  ]);
  const page = await listCustomerPage(query);
  return { ...page, plans, meters };
}

async function listCustomerPage(
  query: Query,
): Promise<{ items: CustomerSummary[]; total: number; limit: number; offset: number }> {
  const db = getDb();
  // Each filter is its own AND term: the standing, the search and the plan all reach into
  // subscriptions or use OR, and spreading them into one object would let one overwrite another.
  const terms: Prisma.CustomerWhereInput[] = [];
  if (query.standing) terms.push(STANDING[query.standing]);
  if (query.q)
    terms.push({
      OR: [
        { name: { contains: query.q, mode: 'insensitive' } },
        { email: { contains: query.q, mode: 'insensitive' } },
        { externalId: query.q },
      ],
    });
  if (query.plan)
    terms.push({ subscriptions: { some: { plan: { key: query.plan }, status: { notIn: ['canceled'] } } } });
  const where: Prisma.CustomerWhereInput = { deletedAt: null, AND: terms };
  if (query.sort === 'utilisation') {
    // Highest API utilisation first needs usage for every match: fine for thousands of customers.
    const all = await db.customer.findMany({
      where,
      select: {
        id: true,
        name: true,
        email: true,
        externalId: true,
        delinquent: true,
        subscriptions: liveSubscriptionSelect,
      },
    });
    const usage = await loadCurrentUsage(all.map((c) => c.id));
    const items = all.map((c) => customerSummaryFrom(c, usage.get(c.id) ?? []));
    const peak = (c: CustomerSummary) => Math.max(0, ...c.usage.map((u) => u.utilisation ?? 0));
    items.sort((a, b) => peak(b) - peak(a) || a.name.localeCompare(b.name));
    return {
      items: items.slice(query.offset, query.offset + query.limit),
      total: items.length,
      limit: query.limit,
      offset: query.offset,
    };
  }
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: { name: 'asc' },
      skip: query.offset,
      take: query.limit,
      select: {
        id: true,
        name: true,
        email: true,
        externalId: true,
        delinquent: true,
        subscriptions: liveSubscriptionSelect,
      },
    }),
    db.customer.count({ where }),
  ]);
  const usage = await loadCurrentUsage(rows.map((c) => c.id));
  return {
    items: rows.map((c) => customerSummaryFrom(c, usage.get(c.id) ?? [])),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
