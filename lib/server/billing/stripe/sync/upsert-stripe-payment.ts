import type { Tx } from '@/lib/db';

export interface StripePaymentInput {
  paymentIntentExternalId: string;
  customerId: string;
  invoiceId: string | null;
  amount: number | null;
  currency: string;
}

// A Stripe payment intent as a local Payment (its charges are the PaymentAttempts). Created as
// 'failed' by the failure events that name it; later events only fill what is still missing.
// The caller holds the payment intent's object lock.
export async function upsertStripePayment(tx: Tx, input: StripePaymentInput): Promise<string> {
  const existing = await tx.payment.findUnique({
    where: { externalId: input.paymentIntentExternalId },
    select: { id: true, invoiceId: true, amount: true },
  });
  if (existing) {
    if ((!existing.invoiceId && input.invoiceId) || (!existing.amount && input.amount)) {
      await tx.payment.update({
        where: { id: existing.id },
        data: { invoiceId: existing.invoiceId ?? input.invoiceId, amount: existing.amount || (input.amount ?? 0) },
      });
    }
    return existing.id;
  }
  const created = await tx.payment.create({
    data: {
      externalId: input.paymentIntentExternalId,
      customerId: input.customerId,
      invoiceId: input.invoiceId,
      amount: input.amount ?? 0,
      currency: input.currency,
      status: 'failed',
    },
    select: { id: true },
  });
  return created.id;
}
