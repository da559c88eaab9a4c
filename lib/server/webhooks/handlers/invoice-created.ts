import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.created — usually a draft; its lines may still change until it is finalized. Agents
// listening to it (the invoice explainer) are triggered from applyStripeEvent.
export const handleInvoiceCreated: StripeEventHandler = (ctx) =>
  applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
