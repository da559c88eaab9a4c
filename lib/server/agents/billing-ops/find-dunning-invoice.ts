import type { Tx } from '@/lib/db';

export const dunningInvoiceSelect = {
  id: true,
  customerId: true,
  number: true,
  externalId: true,
  status: true,
  currency: true,
  amountRemaining: true,
  attemptCount: true,
  hostedUrl: true,
  paidAt: true,
} as const;

// The invoice a billing event concerns: an invoice event names it; a failed charge or payment
// intent names it through the attempt or payment the webhook handlers recorded for it. null when
// no stored invoice is tied to it (a one-off charge: nothing to dun).
export async function findDunningInvoice(tx: Tx, objectId: string) {
  const direct = await tx.invoice.findFirst({
    where: { OR: [{ externalId: objectId }, { id: objectId }] },
    select: dunningInvoiceSelect,
  });
  if (direct) return direct;
  const attempt = await tx.paymentAttempt.findFirst({
    where: { externalId: objectId, invoiceId: { not: null } },
    select: { invoiceId: true },
  });
  const payment = attempt
    ? null
    : await tx.payment.findUnique({ where: { externalId: objectId }, select: { invoiceId: true } });
  const invoiceId = attempt?.invoiceId ?? payment?.invoiceId;
  return invoiceId ? tx.invoice.findUnique({ where: { id: invoiceId }, select: dunningInvoiceSelect }) : null;
}
export type DunningInvoice = NonNullable<Awaited<ReturnType<typeof findDunningInvoice>>>;
