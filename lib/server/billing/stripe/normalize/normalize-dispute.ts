import { disputeRecordSchema, type DisputeRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { asDate, asInt, asString, assertObjectType, firstOf, get, idOf, requireId } from './read';

/**
 * Stripe dispute (any API version) → DisputeRecord. A dispute names its charge but not the
 * customer: customerExternalId is set only when `charge` (or `payment_intent`) is expanded,
 * otherwise null — resolve it through the stored charge / payment.
 */
export function normalizeDispute(dispute: unknown): DisputeRecord {
  const obj = assertObjectType(dispute, ['dispute'], 'dispute');
  return disputeRecordSchema.parse({
    externalId: requireId(obj.id, 'dispute.id'),
    chargeExternalId: requireId(obj.charge, 'dispute.charge'),
    customerExternalId: firstOf(idOf(get(obj, 'charge', 'customer')), idOf(get(obj, 'payment_intent', 'customer'))),
    paymentIntentExternalId: idOf(obj.payment_intent),
    amount: asInt(obj.amount),
    currency: asString(obj.currency),
    reason: asString(obj.reason),
    status: asString(obj.status),
    evidenceDueBy: asDate(get(obj, 'evidence_details', 'due_by')),
    createdAt: asDate(obj.created),
  });
}
