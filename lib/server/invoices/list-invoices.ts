import type { z } from 'zod';
import { getDb } from '@/lib/db';
import type { InvoiceSummary, invoiceListQuery } from '@/lib/schemas/invoices';

export async function listInvoices(query: z.infer<typeof invoiceListQuery>) {
  const db = getDb();
  const where = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.q
      ? {
          OR: [
            { number: { contains: query.q, mode: 'insensitive' as const } },
            { customer: { name: { contains: query.q, mode: 'insensitive' as const } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.invoice.findMany({
      where,
      orderBy: [{ periodStart: 'desc' }, { id: 'asc' }],
      skip: query.offset,
      take: query.limit,
      select: {
        id: true,
        number: true,
        status: true,
        currency: true,
        total: true,
        amountDue: true,
        amountRemaining: true,
        periodStart: true,
        periodEnd: true,
        attemptCount: true,
        customer: { select: { id: true, name: true } },
      },
    }),
    db.invoice.count({ where }),
  ]);
  const items: InvoiceSummary[] = rows.map((r) => ({
    ...r,
    periodStart: r.periodStart.toISOString(),
    periodEnd: r.periodEnd.toISOString(),
  }));
  return { items, total, limit: query.limit, offset: query.offset };
}
