import type { InvoiceRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { invoiceStatusSchema } from '@/lib/schemas/invoice-facts';
import type { InvoiceRow } from './invoice-row';
import { toNormalizedInvoice, type NormalizedInvoiceResult } from './to-normalized-invoice';

// A Stripe invoice normalised by lib/server/billing/stripe/normalize/normalize-invoice.ts (any API version) →
// the stored-invoice shape the webhook handlers write → the shared mapper. Explaining a Stripe
// payload and explaining the row stored from it therefore give the same fact sheet.

export interface StripeRecordOptions {
  /** Tollgate meters by Stripe meter id (mtr_…); unknown meters keep their Stripe id as key. */
  meters?: ReadonlyMap<string, { key: string; name: string }>;
  /** Plan limits of the invoice's subscription, when known. */
  planLimits?: InvoiceRow['planLimits'];
  /** Used when the payload has no period or creation time (the event's time in the handlers). */
  fallbackDate?: Date;
  customerId?: string;
}

/** The InvoiceRow the webhook handlers would store for this record. */
export function stripeRecordToInvoiceRow(record: InvoiceRecord, options: StripeRecordOptions = {}): InvoiceRow {
  const status = invoiceStatusSchema.safeParse(record.status);
  const periodStart = record.periodStart ?? record.createdAt ?? options.fallbackDate ?? new Date(0);
  return {
    id: record.externalId,
    customerId: options.customerId ?? record.customerExternalId,
    number: record.number,
    // An unknown status is treated as a draft: nothing is claimed as paid or due.
    status: status.success ? status.data : 'draft',
    currency: record.currency ?? 'XXX',
    periodStart,
    periodEnd: record.periodEnd ?? periodStart,
    subtotal: record.subtotal ?? record.lines.reduce((s, l) => s + (l.amount ?? 0), 0),
    discountTotal: record.discountAmount ?? 0,
    creditTotal: record.creditAmount ?? 0,
    tax: record.tax ?? 0,
    total: record.total ?? record.amountDue ?? 0,
    amountDue: record.amountDue ?? record.total ?? 0,
    amountPaid: record.amountPaid ?? 0,
    lines: record.lines.map((line, position) => {
      const meter = line.meterExternalId
        ? (options.meters?.get(line.meterExternalId) ?? {
            key: line.meterExternalId,
            name: line.description ?? line.meterExternalId,
          })
        : null;
      return {
        id: line.externalId,
        kind: line.kind,
        description: line.description ?? line.priceExternalId ?? '',
        quantity: line.quantity,
        includedQuantity: null,
        unitAmountDecimal: line.unitAmountDecimal,
        amount: line.amount ?? 0,
        proration: line.proration,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        position,
        meter,
      };
    }),
    planLimits: options.planLimits ?? [],
  };
}

/** Stripe-normalised invoice record → normalizedInvoiceSchema input (+ mapping notes). */
export function stripeRecordToNormalizedInvoice(
  record: InvoiceRecord,
  options: StripeRecordOptions = {},
): NormalizedInvoiceResult {
  return toNormalizedInvoice(stripeRecordToInvoiceRow(record, options));
}
