import { enqueueInvoiceExplanation } from '@/lib/server/invoices/enqueue-invoice-explanation';
import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.finalized — the invoice is open (numbered, lines fixed), or already paid if it was free;
// its explanation is (re)written once the event's transaction commits.
export const handleInvoiceFinalized: StripeEventHandler = async (ctx) => {
  const invoice = recordOf(ctx.event, 'invoice');
  const result = await applyStripeInvoice(ctx, invoice);
  await enqueueInvoiceExplanation(invoice.externalId, 'invoice.finalized', {
    sourceRef: `webhook_events:${ctx.inboxId}`,
  });
  return result;
};
