import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ExplanationView } from '@/lib/schemas/invoices';
import { storedExplanationSelect, toExplanationView } from './to-explanation-view';

// An invoice's explanations, newest first (the first is the one the page shows).
export async function listInvoiceExplanations(invoiceId: string, limit: number): Promise<ExplanationView[]> {
  const db = getDb();
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, select: { id: true } });
  if (!invoice) throw notFound('Invoice');
  const rows = await db.invoiceExplanation.findMany({
    where: { invoiceId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: storedExplanationSelect,
  });
  return rows.map(toExplanationView);
}
