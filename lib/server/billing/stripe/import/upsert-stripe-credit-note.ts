import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { ensureStripeCustomer } from '../sync/ensure-stripe-customer';
import { lockStripeObjects } from '../sync/lock-stripe-objects';
import { asDate, asInt, asString, idOf, requireId } from '../normalize/read';

// A credit note (by Stripe id) with its customer and invoice. No webhook handler writes credit
// notes, so the import's snapshot is the newest state Tollgate has: a plain upsert.
export async function upsertStripeCreditNote(note: Record<string, unknown>): Promise<null> {
  const externalId = requireId(note.id, 'credit_note.id');
  const customerExternalId = idOf(note.customer);
  const invoiceExternalId = idOf(note.invoice);
  await getDb().$transaction(async (tx) => {
    await lockStripeObjects(tx, [customerExternalId, externalId]);
    const customerId = customerExternalId ? await ensureStripeCustomer(tx, customerExternalId) : null;
    const invoice = invoiceExternalId
      ? await tx.invoice.findUnique({ where: { externalId: invoiceExternalId }, select: { id: true } })
      : null;
    const data = {
      customerId,
      invoiceId: invoice?.id ?? null,
      invoiceExternalId,
      number: asString(note.number),
      status: asString(note.status) ?? 'issued',
      reason: asString(note.reason),
      amount: asInt(note.total) ?? asInt(note.amount) ?? 0,
      currency: asString(note.currency) ?? 'usd',
      issuedAt: asDate(note.created) ?? clock.now(),
      syncedAt: clock.now(),
    };
    await tx.creditNote.upsert({ where: { externalId }, create: { externalId, ...data }, update: data });
  });
  return null;
}
