import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.finalized — the invoice is open (numbered, lines fixed), or already paid if it was free;
// agents listening to it (the invoice explainer) are triggered from applyStripeEvent.
export const handleInvoiceFinalized: StripeEventHandler = (ctx) =>
  applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
