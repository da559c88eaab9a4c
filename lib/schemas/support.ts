import { z } from 'zod';

// What the customer page shows support, card by card. Each card has its own route and query, so
// the page loads them in parallel and one failing card never blanks the others.

/** Plan, price and this period's usage against the plan's limits, with the overage priced. */
export const customerBilling = z.object({
  customerId: z.string(),
  currency: z.string(),
  plan: z
    .object({
      key: z.string(),
      name: z.string(),
      basePriceMinor: z.number().int(),
      interval: z.string(),
    })
    .nullable(),
  subscriptionStatus: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  meters: z.array(
    z.object({
      meterKey: z.string(),
      meterName: z.string(),
      unit: z.string(),
      used: z.number(),
      included: z.number(),
      hardLimit: z.number().nullable(),
      utilisation: z.number().nullable(),
      overageQuantity: z.number(),
      /** Minor units per unit (may be fractional). */
      overageUnitPrice: z.number(),
      overagePackageSize: z.number().int(),
      /** Overage so far this period, integer minor units (whole packages, rounded up). */
      overageAmountMinor: z.number().int(),
    }),
  ),
  /** Base price plus overage so far, integer minor units. */
  estimatedTotalMinor: z.number().int(),
});
export type CustomerBilling = z.infer<typeof customerBilling>;

/** Payment attempts with decline reasons, and where dunning stands on each unpaid invoice. */
export const customerPayments = z.object({
  customerId: z.string(),
  delinquent: z.boolean(),
  /** The card renewals are charged to (Stripe's default payment method), when it is a stored card. */
  defaultCard: z
    .object({
      brand: z.string(),
      last4: z.string(),
      expMonth: z.number().int(),
      expYear: z.number().int(),
      /** Expires this month or next (UTC): billing-ops asks the customer to update it. */
      expiresSoon: z.boolean(),
      expired: z.boolean(),
    })
    .nullable(),
  attempts: z.array(
    z.object({
      id: z.string(),
      invoiceId: z.string().nullable(),
      invoiceNumber: z.string().nullable(),
      amount: z.number().int(),
      currency: z.string(),
      succeeded: z.boolean(),
      failureCode: z.string().nullable(),
      failureMessage: z.string().nullable(),
      attemptedAt: z.string(),
    }),
  ),
  unpaidInvoices: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.string(),
      amountRemaining: z.number().int(),
      currency: z.string(),
      attemptCount: z.number().int(),
      nextPaymentAttemptAt: z.string().nullable(),
      dueDate: z.string().nullable(),
      /** none | retrying | final_attempt | exhausted — read from attempts and the next retry. */
      dunningStage: z.enum(['retrying', 'final_attempt', 'exhausted', 'awaiting_payment']),
    }),
  ),
});
export type CustomerPayments = z.infer<typeof customerPayments>;

export const apiErrorsQuery = z.object({ days: z.coerce.number().int().min(1).max(35).default(7) });

/** Usage events whose properties carry an error status, grouped by endpoint and status. */
export const customerApiErrors = z.object({
  customerId: z.string(),
  since: z.string(),
  totalEvents: z.number().int(),
  errorEvents: z.number().int(),
  groups: z.array(
    z.object({
      endpoint: z.string(),
      status: z.number().int(),
      count: z.number().int(),
      lastSeenAt: z.string(),
    }),
  ),
});
export type CustomerApiErrors = z.infer<typeof customerApiErrors>;

export const ticketNoteView = z.object({
  id: z.string(),
  ticketId: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'confirmed', 'discarded']),
  agentRunId: z.string().nullable(),
  draftedById: z.string(),
  decidedById: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TicketNoteView = z.infer<typeof ticketNoteView>;

export const customerTickets = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      subject: z.string(),
      body: z.string(),
      status: z.string(),
      priority: z.string(),
      category: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      notes: z.array(ticketNoteView),
    }),
  ),
});
export type CustomerTickets = z.infer<typeof customerTickets>;

export const draftTicketNoteBody = z.object({
  body: z.string().trim().min(1).max(10_000),
  /** The copilot conversation the note came from. */
  conversationId: z.string().min(1).max(100).optional(),
});

export const decideTicketNoteBody = z.object({ decision: z.enum(['confirm', 'discard']) });
