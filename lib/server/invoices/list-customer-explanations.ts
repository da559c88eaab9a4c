import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { customerExplanationListResponse } from '@/lib/schemas/invoices';
import type { z } from 'zod';
import { storedExplanationSelect, toExplanationView } from './to-explanation-view';

type Item = z.infer<typeof customerExplanationListResponse>['items'][number];

// The latest explanation of each of a customer's most recent invoices (support reads these on
// the customer page to answer "why is my bill higher?").
export async function listCustomerExplanations(customerId: string, limit: number): Promise<Item[]> {
  const db = getDb();
  const customer = await db.customer.findFirst({ where: { id: customerId, deletedAt: null }, select: { id: true } });
  if (!customer) throw notFound('Customer');
  const invoices = await db.invoice.findMany({
    where: { customerId, explanations: { some: {} } },
    orderBy: [{ periodStart: 'desc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      total: true,
      periodStart: true,
      periodEnd: true,
      explanations: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: storedExplanationSelect },
    },
  });
  return invoices.map(({ explanations, ...inv }) => ({
    ...toExplanationView(explanations[0]),
    invoice: { ...inv, periodStart: inv.periodStart.toISOString(), periodEnd: inv.periodEnd.toISOString() },
  }));
}
