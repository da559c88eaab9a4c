import type { Db, Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import type { FactSheet } from '@/lib/schemas/invoice-facts';
import { invoiceRowFromDb, invoiceRowSelect, type InvoiceRow } from './invoice-row';
import { toNormalizedInvoice } from './to-normalized-invoice';

// The fact sheet of a stored invoice, compared with the same customer's previous invoice: the
// latest one whose period starts earlier (void invoices never count as "last month").

export interface StoredInvoiceFacts {
  invoice: { id: string; customerId: string; number: string | null; currency: string };
  previousInvoiceId: string | null;
  sheet: FactSheet;
  /** Repairs and assumptions of the DB → normalised mapping (see to-normalized-invoice). */
  notes: string[];
}

/** Pure: fact sheet of `current` against `previous`. */
export function factsFromRows(current: InvoiceRow, previous: InvoiceRow | null): StoredInvoiceFacts {
  const cur = toNormalizedInvoice(current);
  const prev = previous ? toNormalizedInvoice(previous) : null;
  return {
    invoice: { id: current.id, customerId: current.customerId, number: current.number, currency: current.currency },
    previousInvoiceId: previous?.id ?? null,
    sheet: buildFactSheet(cur.invoice, prev?.invoice ?? null),
    notes: [...cur.notes, ...(prev?.notes ?? []).map((n) => `Previous invoice: ${n}`)],
  };
}

/** Pure: the previous invoice of `current` among `rows` (any customers; same rule as the query). */
export function pickPreviousRow(rows: readonly InvoiceRow[], current: InvoiceRow): InvoiceRow | null {
  let best: InvoiceRow | null = null;
  for (const r of rows) {
    if (r.customerId !== current.customerId || r.id === current.id || r.status === 'void') continue;
    if (r.periodStart.getTime() >= current.periodStart.getTime()) continue;
    if (!best || r.periodStart.getTime() > best.periodStart.getTime()) best = r;
  }
  return best;
}

export async function buildStoredInvoiceFacts(db: Db | Tx, invoiceId: string): Promise<StoredInvoiceFacts> {
  const row = await db.invoice.findUnique({ where: { id: invoiceId }, select: invoiceRowSelect });
  if (!row) throw notFound('Invoice');
  const previous = await db.invoice.findFirst({
    where: {
      customerId: row.customerId,
      id: { not: row.id },
      periodStart: { lt: row.periodStart },
      status: { not: 'void' },
    },
    orderBy: [{ periodStart: 'desc' }, { createdAt: 'desc' }],
    select: invoiceRowSelect,
  });
  return factsFromRows(invoiceRowFromDb(row), previous ? invoiceRowFromDb(previous) : null);
}
