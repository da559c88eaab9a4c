import type { z } from 'zod';
import {
  versioned as versionedAt,
  type PlatformContent,
  type Versioned,
} from '@/lib/server/billing/stripe/sync/apply-platform-content';
import { toUnixSeconds } from '@/lib/server/billing/stripe/sync/stored-ordering-key';
import {
  chargebeeCustomerSchema,
  chargebeeInvoiceSchema,
  chargebeeSubscriptionSchema,
  chargebeeTransactionSchema,
  type ChargebeeEvent,
} from './chargebee-objects';
import {
  normalizeChargebeeCustomer,
  normalizeChargebeeInvoice,
  normalizeChargebeePaymentFailure,
  normalizeChargebeeSubscription,
} from './normalize-chargebee-records';

export type { Versioned };

/** A Chargebee event's content, as the sync/ writers take it. */
export type NormalizedChargebeeContent = PlatformContent;

/** The content does not match Chargebee's object shapes: the event is parked, not retried. */
export class ChargebeeNormalizeError extends Error {
  constructor(path: string, detail: string) {
    super(`Chargebee content.${path}: ${detail}`);
    this.name = 'ChargebeeNormalizeError';
  }
}

function parseObject<T>(schema: z.ZodType<T>, value: unknown, path: string): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ChargebeeNormalizeError([path, ...(issue?.path ?? [])].join('.'), issue?.message ?? 'invalid');
}

// Ordering (out-of-order deliveries are skipped): Chargebee stamps every object with
// resource_version, its last update in epoch ms, so an older snapshot of an object is exactly
// the one with a lower version. The key is built with the rule the Stripe writers compare by
// (stored-ordering-key), so versionMs decides and the status hint only breaks an exact tie.
// An object without resource_version (untouched since 2016) falls back to the event's time.
function versioned<R>(
  record: R,
  objectType: string,
  externalId: string,
  version: number | null | undefined,
  occurredAt: number,
  fields: Record<string, unknown>,
): Versioned<R> {
  const at = new Date(typeof version === 'number' ? version : occurredAt * 1000);
  return versionedAt(record, objectType, externalId, at, fields);
}

export function normalizeChargebeeEvent(event: ChargebeeEvent): NormalizedChargebeeContent {
  const { content, occurred_at: occurredAt } = event;
  const customer = parseObject(chargebeeCustomerSchema, content.customer, 'customer');
  const subscription = parseObject(chargebeeSubscriptionSchema, content.subscription, 'subscription');
  const invoice = parseObject(chargebeeInvoiceSchema, content.invoice, 'invoice');
  const transaction = parseObject(chargebeeTransactionSchema, content.transaction, 'transaction');

  const customerRecord = customer && normalizeChargebeeCustomer(customer);
  // customer_deleted's snapshot is the customer as it was; the event itself is the deletion.
  if (customerRecord && event.event_type === 'customer_deleted') customerRecord.deleted = true;
  const subscriptionRecord = subscription && normalizeChargebeeSubscription(subscription);
  const invoiceRecord = invoice && normalizeChargebeeInvoice(invoice);
  const failed = transaction && transaction.type === 'payment' && transaction.status === 'failure';
  return {
    customer: customerRecord
      ? versioned(customerRecord, 'customer', customerRecord.externalId, customer.resource_version, occurredAt, {
          deleted: customerRecord.deleted,
        })
      : null,
    subscription: subscriptionRecord
      ? versioned(
          subscriptionRecord,
          'subscription',
          subscriptionRecord.externalId,
          subscription.resource_version,
          occurredAt,
          {
            status: subscriptionRecord.status,
            current_period_start: toUnixSeconds(subscriptionRecord.currentPeriodStart),
          },
        )
      : null,
    invoice: invoiceRecord
      ? versioned(invoiceRecord, 'invoice', invoiceRecord.externalId, invoice.resource_version, occurredAt, {
          status: invoiceRecord.status,
          attempt_count: invoiceRecord.attemptCount,
          amount_paid: invoiceRecord.amountPaid,
        })
      : null,
    paymentFailure: failed
      ? versioned(
          normalizeChargebeePaymentFailure(transaction, invoiceRecord?.externalId ?? null),
          'transaction',
          transaction.id,
          transaction.resource_version,
          occurredAt,
          {},
        )
      : null,
  };
}
