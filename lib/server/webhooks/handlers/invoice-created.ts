import { enqueueInvoiceExplanation } from '@/lib/server/invoices/enqueue-invoice-explanation';
import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.created — usually a draft; its lines may still change until it is finalized. The
// explanation job waits for this event's transaction to commit (sourceRef) and never throws.
export const handleInvoiceCreated: StripeEventHandler = async (ctx) => {
  const invoice = recordOf(ctx.event, 'invoice');
  const result = await applyStripeInvoice(ctx, invoice);
  await enqueueInvoiceExplanation(invoice.externalId, 'invoice.created', {
    sourceRef: `webhook_events:${ctx.inboxId}`,
  });
  return result;
};
