import {
  paymentMethodRecordSchema,
  type PaymentMethodRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
import { asInt, asString, assertObjectType, get, idOf, requireId } from './read';

export type NormalizePaymentMethodOptions = {
  /** Set for payment_method.detached, whose snapshot already has `customer: null`. */
  detached?: boolean;
};

/** Stripe payment method (any API version) → PaymentMethodRecord; `card` is null for other types. */
export function normalizePaymentMethod(
  paymentMethod: unknown,
  opts: NormalizePaymentMethodOptions = {},
): PaymentMethodRecord {
  const obj = assertObjectType(paymentMethod, ['payment_method'], 'payment_method');
  const card = get(obj, 'card');
  const brand = asString(get(card, 'brand'));
  const last4 = asString(get(card, 'last4'));
  const expMonth = asInt(get(card, 'exp_month'));
  const expYear = asInt(get(card, 'exp_year'));
  return paymentMethodRecordSchema.parse({
    externalId: requireId(obj.id, 'payment_method.id'),
    type: asString(obj.type),
    customerExternalId: idOf(obj.customer),
    detached: opts.detached === true || obj.customer === null,
    card:
      brand && last4 && expMonth !== null && expYear !== null && expMonth >= 1 && expMonth <= 12
        ? { brand, last4, expMonth, expYear, fingerprint: asString(get(card, 'fingerprint')) }
        : null,
  });
}
