import { applyStripeInvoice } from '../apply-stripe-invoice';
import { recordOf, type StripeEventHandler } from './types';

// invoice.paid — paid is final in the ordering rule: no older or same-second event reverts it.
export const handleInvoicePaid: StripeEventHandler = (ctx) => applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
