import type { Account, Invoice, Subscription } from 'recurly';
import { versioned, type PlatformContent } from '@/lib/server/billing/stripe/sync/apply-platform-content';
import { toUnixSeconds } from '@/lib/server/billing/stripe/sync/stored-ordering-key';
import {
  normalizeRecurlyAccount,
  normalizeRecurlyInvoice,
  normalizeRecurlySubscription,
} from './normalize-recurly-records';

/** The Recurly objects one notification (or one imported entry) is about, as read from the API. */
export interface RecurlyObjects {
  account?: Account | null;
  subscription?: Subscription | null;
  invoice?: Invoice | null;
}

// Ordering (out-of-order deliveries are skipped): every object is read from Recurly when it is
// applied, and stamped with its own updated_at, so a read older than the stored one is exactly
// the one with an earlier updated_at. `fallback` (the notification's time) only stands in for an
// object without updated_at.
const versionOf = (object: { updatedAt?: Date | null; createdAt?: Date | null }, fallback: Date) =>
  object.updatedAt ?? object.createdAt ?? fallback;

export function recurlyContent(objects: RecurlyObjects, fallback: Date): PlatformContent {
  const { account, subscription, invoice } = objects;
  const customer = account ? normalizeRecurlyAccount(account) : null;
  const sub = subscription ? normalizeRecurlySubscription(subscription) : null;
  const inv = invoice ? normalizeRecurlyInvoice(invoice) : null;
  return {
    customer:
      customer &&
      versioned(customer, 'customer', customer.externalId, versionOf(account!, fallback), {
        deleted: customer.deleted,
      }),
    subscription:
      sub &&
      versioned(sub, 'subscription', sub.externalId, versionOf(subscription!, fallback), {
        status: sub.status,
        current_period_start: toUnixSeconds(sub.currentPeriodStart),
      }),
    invoice:
      inv &&
      versioned(inv, 'invoice', inv.externalId, versionOf(invoice!, fallback), {
        status: inv.status,
        attempt_count: inv.attemptCount,
        amount_paid: inv.amountPaid,
      }),
    paymentFailure: null,
  };
}
