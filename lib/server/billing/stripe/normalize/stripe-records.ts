import { z } from 'zod';

// Normalised billing records produced from Stripe objects (lib/server/billing/stripe/normalize/normalize-*.ts).
// Every Stripe API version from 2020 to basil (2025-03-31) and later maps onto these shapes.
// Rules: ids are required strings; a field Stripe may omit in some version is `T | null`
// (the key is always present); amounts are integer minor units; timestamps are Dates.

const externalId = z.string().min(1);
const amount = z.number().int();
const nullableAmount = amount.nullable();
const nullableDate = z.date().nullable();
const nullableString = z.string().nullable();

/** The envelope of a verified webhook: only what every Stripe event has is required. */
export const stripeEventEnvelopeSchema = z.looseObject({
  id: externalId,
  type: z.string().min(1),
  object: z.literal('event').optional(),
  api_version: z.string().nullable().optional(),
  created: z.number().int().optional(),
  livemode: z.boolean().optional(),
  data: z
    .looseObject({
      object: z.record(z.string(), z.unknown()),
      previous_attributes: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type StripeEventEnvelope = z.infer<typeof stripeEventEnvelopeSchema>;

export const customerRecordSchema = z.object({
  externalId,
  email: nullableString,
  name: nullableString,
  deleted: z.boolean(),
  metadata: z.record(z.string(), z.string()),
  currency: nullableString,
  delinquent: z.boolean().nullable(),
  /** invoice_settings.default_payment_method (pm_…): the card renewals are charged to. */
  defaultPaymentMethodExternalId: nullableString,
  /** null only for a deleted-customer stub, which carries no `created`. */
  createdAt: nullableDate,
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

export const usageTypeSchema = z.enum(['licensed', 'metered']);

export const subscriptionItemRecordSchema = z.object({
  externalId,
  priceExternalId: nullableString,
  productExternalId: nullableString,
  meterExternalId: nullableString,
  quantity: z.number().int().nullable(),
  unitAmount: nullableAmount,
  interval: nullableString,
  intervalCount: z.number().int().nullable(),
  usageType: usageTypeSchema.nullable(),
  /** Per-item billing period (basil and later); null on older versions. */
  currentPeriodStart: nullableDate,
  currentPeriodEnd: nullableDate,
});
export type SubscriptionItemRecord = z.infer<typeof subscriptionItemRecordSchema>;

export const subscriptionRecordSchema = z.object({
  externalId,
  customerExternalId: externalId,
  status: z.string().min(1).nullable(),
  currentPeriodStart: nullableDate,
  currentPeriodEnd: nullableDate,
  cancelAtPeriodEnd: z.boolean(),
  cancelAt: nullableDate,
  canceledAt: nullableDate,
  items: z.array(subscriptionItemRecordSchema),
  /** Price id of the primary item (first licensed item, else the first item). */
  planExternalId: nullableString,
  /** Product id of the primary item. */
  planProductExternalId: nullableString,
  createdAt: nullableDate,
});
export type SubscriptionRecord = z.infer<typeof subscriptionRecordSchema>;

export const invoiceLineKindSchema = z.enum(['usage', 'flat', 'proration', 'credit', 'discount', 'tax', 'other']);
export type InvoiceLineKind = z.infer<typeof invoiceLineKindSchema>;

export const invoiceLineRecordSchema = z.object({
  externalId,
  description: nullableString,
  amount: nullableAmount,
  currency: nullableString,
  quantity: z.number().int().nullable(),
  unitAmountDecimal: nullableString,
  priceExternalId: nullableString,
  meterExternalId: nullableString,
  periodStart: nullableDate,
  periodEnd: nullableDate,
  proration: z.boolean(),
  kind: invoiceLineKindSchema,
});
export type InvoiceLineRecord = z.infer<typeof invoiceLineRecordSchema>;

export const invoiceRecordSchema = z.object({
  externalId,
  number: nullableString,
  customerExternalId: externalId,
  subscriptionExternalId: nullableString,
  status: nullableString,
  currency: nullableString,
  periodStart: nullableDate,
  periodEnd: nullableDate,
  subtotal: nullableAmount,
  tax: nullableAmount,
  total: nullableAmount,
  amountDue: nullableAmount,
  amountPaid: nullableAmount,
  amountRemaining: nullableAmount,
  attemptCount: z.number().int().nullable(),
  nextPaymentAttempt: nullableDate,
  dueDate: nullableDate,
  hostedInvoiceUrl: nullableString,
  createdAt: nullableDate,
  finalizedAt: nullableDate,
  paidAt: nullableDate,
  lines: z.array(invoiceLineRecordSchema),
  /** true when `lines` is a first page only (lines.has_more): fetch the rest before trusting it. */
  linesTruncated: z.boolean(),
  discountAmount: nullableAmount,
  creditAmount: nullableAmount,
});
export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;

export const paymentFailureSourceSchema = z.enum(['charge', 'payment_intent', 'invoice']);

export const paymentFailureRecordSchema = z.object({
  /** Id of the object that reported the failure (ch_…, pi_… or in_…). */
  externalId,
  source: paymentFailureSourceSchema,
  /** null for a guest charge / payment intent without a customer. */
  customerExternalId: nullableString,
  invoiceExternalId: nullableString,
  chargeExternalId: nullableString,
  paymentIntentExternalId: nullableString,
  amount: nullableAmount,
  currency: nullableString,
  failureCode: nullableString,
  failureMessage: nullableString,
  /** Invoice attempt counter (invoice source only); distinguishes retries of one invoice. */
  attemptCount: z.number().int().nullable(),
  attemptedAt: nullableDate,
});
export type PaymentFailureRecord = z.infer<typeof paymentFailureRecordSchema>;

export const paymentCardRecordSchema = z.object({
  brand: z.string().min(1),
  last4: z.string().min(1),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int(),
  fingerprint: nullableString,
});
export type PaymentCardRecord = z.infer<typeof paymentCardRecordSchema>;

export const paymentMethodRecordSchema = z.object({
  /** pm_… */
  externalId,
  /** card, sepa_debit, us_bank_account …: only cards are stored. */
  type: nullableString,
  /** null once detached (Stripe clears `customer`), and for a method never attached. */
  customerExternalId: nullableString,
  /** payment_method.detached, or a snapshot whose `customer` is null: final in the ordering rule. */
  detached: z.boolean(),
  card: paymentCardRecordSchema.nullable(),
});
export type PaymentMethodRecord = z.infer<typeof paymentMethodRecordSchema>;

export const disputeRecordSchema = z.object({
  externalId,
  chargeExternalId: externalId,
  customerExternalId: nullableString,
  paymentIntentExternalId: nullableString,
  amount: nullableAmount,
  currency: nullableString,
  reason: nullableString,
  status: nullableString,
  evidenceDueBy: nullableDate,
  createdAt: nullableDate,
});
export type DisputeRecord = z.infer<typeof disputeRecordSchema>;
