import type { Db } from '@/lib/db';
import { ProviderError, type InvoiceTarget } from '@/lib/server/billing/billing-provider';

// The invoice a credit note or a dunning step acts on, with its platform ids — only when it
// belongs to the action's customer (an action without a customer names no invoice of anyone's).
export async function loadInvoiceTarget(db: Db, invoiceId: string, customerId: string | null): Promise<InvoiceTarget> {
  const inv = customerId
    ? await db.invoice.findFirst({
        where: { id: invoiceId, customerId },
        select: {
          id: true,
          externalId: true,
          amountRemaining: true,
          currency: true,
          subscription: { select: { id: true, externalId: true } },
        },
      })
    : null;
  if (!inv)
    throw new ProviderError(`Invoice ${invoiceId} does not belong to this customer`, 'invoice_not_found', false, false);
  const { subscription, ...invoice } = inv;
  return { invoice, subscription };
}
