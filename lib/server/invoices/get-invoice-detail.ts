import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { InvoiceDetail } from '@/lib/schemas/invoices';
import { describeExplanationWriter } from './describe-explanation-writer';
import { toNumber } from './to-normalized-invoice';

// One invoice with its lines, the invoice it is compared with ("last month") and the writer that
// new explanations would come from. Every role reads invoices.
export async function getInvoiceDetail(id: string): Promise<InvoiceDetail> {
  const db = getDb();
  const inv = await db.invoice.findUnique({
    where: { id },
    select: {
      id: true,
      externalId: true,
      number: true,
      status: true,
      currency: true,
      periodStart: true,
      periodEnd: true,
      subtotal: true,
      discountTotal: true,
      creditTotal: true,
      tax: true,
      total: true,
      amountDue: true,
      amountPaid: true,
      amountRemaining: true,
      attemptCount: true,
      hostedUrl: true,
      customerId: true,
      customer: { select: { id: true, name: true } },
      lines: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          kind: true,
          description: true,
          quantity: true,
          includedQuantity: true,
          unitAmountDecimal: true,
          amount: true,
          proration: true,
          periodStart: true,
          periodEnd: true,
          meter: { select: { key: true, name: true } },
        },
      },
    },
  });
  if (!inv) throw notFound('Invoice');
  const previous = await db.invoice.findFirst({
    where: {
      customerId: inv.customerId,
      id: { not: inv.id },
      periodStart: { lt: inv.periodStart },
      status: { not: 'void' },
    },
    orderBy: [{ periodStart: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, number: true },
  });
  const { customerId: _customerId, lines, ...rest } = inv;
  return {
    ...rest,
    periodStart: inv.periodStart.toISOString(),
    periodEnd: inv.periodEnd.toISOString(),
    lines: lines.map(({ quantity, includedQuantity, unitAmountDecimal, periodStart, periodEnd, ...l }) => ({
      ...l,
      quantity: toNumber(quantity),
      includedQuantity: toNumber(includedQuantity),
      unitAmount: toNumber(unitAmountDecimal),
      periodStart: periodStart?.toISOString() ?? null,
      periodEnd: periodEnd?.toISOString() ?? null,
    })),
    previousInvoice: previous,
    writer: describeExplanationWriter(),
  };
}
