import { customerRecordSchema, type CustomerRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { asBoolean, asDate, asString, assertObjectType, get, idOf, metadataOf, requireId } from './read';

export type NormalizeCustomerOptions = {
  /** Set for customer.deleted events, whose payload may be the full customer without `deleted`. */
  deleted?: boolean;
};

/**
 * Stripe customer (any API version, or a deleted-customer stub `{ id, object, deleted: true }`)
 * → CustomerRecord.
 */
export function normalizeCustomer(customer: unknown, opts: NormalizeCustomerOptions = {}): CustomerRecord {
  const obj = assertObjectType(customer, ['customer'], 'customer');
  return customerRecordSchema.parse({
    externalId: requireId(obj.id, 'customer.id'),
    email: asString(obj.email),
    name: asString(obj.name),
    deleted: obj.deleted === true || opts.deleted === true,
    metadata: metadataOf(obj.metadata),
    currency: asString(obj.currency),
    delinquent: asBoolean(obj.delinquent),
    // A string id, or the payment method itself when the caller expanded it.
    defaultPaymentMethodExternalId: idOf(get(obj, 'invoice_settings', 'default_payment_method')),
    createdAt: asDate(get(obj, 'created')),
  });
}
