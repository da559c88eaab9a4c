import { z } from 'zod';
import { pageQuery, pageOf } from './common';

export const invoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']),
  currency: z.string(),
  total: z.number().int(),
  amountDue: z.number().int(),
  amountRemaining: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  attemptCount: z.number().int(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

export const invoiceListQuery = pageQuery.extend({
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).optional(),
  customerId: z.string().max(100).optional(),
});
export const invoiceListResponse = pageOf(invoiceSummary);
