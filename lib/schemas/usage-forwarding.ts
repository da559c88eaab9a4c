import { z } from 'zod';

// Usage forwarding to Stripe meters and its reconciliation: the API contracts.

export const forwardingStatsResponse = z.object({
  mode: z.enum(['off', 'v1', 'v2']),
  configured: z.boolean(),
  pendingEvents: z.number().int(),
  inFlightUnits: z.number().int(),
  flaggedEvents: z.number().int(),
  flaggedUnits: z.number().int(),
  ackedLastHour: z.number().int(),
  lagP50Ms: z.number().nullable(),
  lagP99Ms: z.number().nullable(),
  oldestUnacknowledgedAt: z.string().nullable(),
});
export type ForwardingStats = z.infer<typeof forwardingStatsResponse>;

export const reconciliationListQuery = z.object({
  flagged: z.enum(['true', 'false']).optional(),
  customerId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const reconciliationRow = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  meterId: z.string(),
  meterName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  accepted: z.number(),
  rolledUp: z.number(),
  forwarded: z.number(),
  acknowledged: z.number(),
  unacknowledgedEvents: z.number().int(),
  flaggedEvents: z.number().int(),
  stripeReported: z.number().nullable(),
  invoiced: z.number().nullable(),
  invoiceId: z.string().nullable(),
  amountPaid: z.number().int().nullable(),
  currency: z.string().nullable(),
  findings: z.array(z.string()),
  flagged: z.boolean(),
  actionId: z.string().nullable(),
  trigger: z.string(),
  checkedAt: z.string(),
});
export type ReconciliationRow = z.infer<typeof reconciliationRow>;
export const reconciliationListResponse = z.object({ items: z.array(reconciliationRow) });
export type ReconciliationListResponse = z.infer<typeof reconciliationListResponse>;

export const driftEventsQuery = z.object({ onlyUnacknowledged: z.enum(['true', 'false']).default('false') });
export const driftEventsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      idempotencyKey: z.string(),
      quantity: z.string(),
      occurredAt: z.string(),
      acceptedAt: z.string(),
      forwardState: z.string(),
      identifier: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});
export type DriftEventsResponse = z.infer<typeof driftEventsResponse>;

export const runReconciliationResponse = z.object({ queued: z.boolean() });
