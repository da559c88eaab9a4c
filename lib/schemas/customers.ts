import { z } from 'zod';
import { pageQuery, pageOf } from './common';

export const meterUsage = z.object({
  meterKey: z.string(),
  meterName: z.string(),
  unit: z.string(),
  aggregation: z.enum(['sum', 'count', 'max', 'unique_count']),
  used: z.number(),
  included: z.number().nullable(),
  hardLimit: z.number().nullable(),
  // used / included, or null when the plan includes nothing for this meter
  utilisation: z.number().nullable(),
});
export type MeterUsage = z.infer<typeof meterUsage>;

export const customerSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  externalId: z.string().nullable(),
  delinquent: z.boolean(),
  plan: z.object({ key: z.string(), name: z.string() }).nullable(),
  subscriptionStatus: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  usage: z.array(meterUsage),
});
export type CustomerSummary = z.infer<typeof customerSummary>;

// Standing of the live subscription; "past_due" also takes in unpaid subscriptions and customers
// the billing platform marks delinquent — everyone whose payment is behind.
export const customerStanding = z.enum(['past_due', 'trialing', 'active']);
export type CustomerStanding = z.infer<typeof customerStanding>;

export const customerListQuery = pageQuery.extend({
  plan: z.string().max(50).optional(),
  standing: customerStanding.optional(),
  sort: z.enum(['name', 'utilisation']).default('name'),
});

const named = z.object({ key: z.string(), name: z.string() });
// The list's filter choices and usage columns come from the catalog, not from a fixed list: an
// imported account has its own plans and meters.
export const customerListResponse = pageOf(customerSummary).extend({ plans: z.array(named), meters: z.array(named) });
export type CustomerListResponse = z.infer<typeof customerListResponse>;

export const customerDetail = customerSummary.extend({
  createdAt: z.string(),
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.string(),
      total: z.number(),
      currency: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
    }),
  ),
  tickets: z.array(
    z.object({ id: z.string(), subject: z.string(), status: z.string(), priority: z.string(), createdAt: z.string() }),
  ),
  failedPayments: z.number().int(),
});
export type CustomerDetail = z.infer<typeof customerDetail>;
