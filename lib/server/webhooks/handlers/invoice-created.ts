import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.created — usually a draft; its lines may still change until it is finalized.
export const handleInvoiceCreated: StripeEventHandler = (ctx) => applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
