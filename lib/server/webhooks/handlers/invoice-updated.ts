import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.updated — any change; often fires in the same second as finalized/paid, where the
// ordering rule's status rank keeps a paid invoice from going back to open.
export const handleInvoiceUpdated: StripeEventHandler = (ctx) =>
  applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
