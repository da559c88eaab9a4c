import { getDb } from '@/lib/db';
import type { z } from 'zod';
import type { CustomerSummary, customerListQuery } from '@/lib/schemas/customers';
import { loadCurrentUsage } from '@/lib/server/usage/load-current-usage';
import { customerSummaryFrom, liveSubscriptionSelect } from './customer-summary';

type Query = z.infer<typeof customerListQuery>;

export async function listCustomers(
  query: Query,
): Promise<{ items: CustomerSummary[]; total: number; limit: number; offset: number }> {
  const db = getDb();
  const where = {
    deletedAt: null,
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: 'insensitive' as const } },
            { email: { contains: query.q, mode: 'insensitive' as const } },
            { externalId: query.q },
          ],
        }
      : {}),
    ...(query.plan
      ? { subscriptions: { some: { plan: { key: query.plan }, status: { notIn: ['canceled' as const] } } } }
      : {}),
  };
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
