import { getDb, type Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CustomerKeyView } from '@/lib/schemas/customer-keys';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import { clock } from '@/lib/clock';
import { customerKeySelect, toCustomerKeyView } from './customer-key-view';

// Revokes a key. The NOTIFY that commits with it drops the customer's cached entitlements on
// every instance, so a check with the revoked key stops answering for the customer at once
// (ingest's key → customer cache lets it through for up to 30 s more). Revoking twice is a no-op.
export async function revokeCustomerKey(actor: SessionUser, id: string, requestId: string): Promise<CustomerKeyView> {
  return getDb().$transaction((tx) => revokeCustomerKeyIn(tx, actor, id, requestId));
}

export async function revokeCustomerKeyIn(
  tx: Tx,
  actor: SessionUser,
  id: string,
  requestId: string,
): Promise<CustomerKeyView> {
  // FOR UPDATE: a rotation racing a revocation sees one of them, never both half-applied.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM customer_api_keys WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw notFound('Customer API key');
  const before = await tx.customerApiKey.findUniqueOrThrow({ where: { id }, select: customerKeySelect });
  if (before.revokedAt) return toCustomerKeyView(before);
  const after = await tx.customerApiKey.update({
    where: { id },
    data: { revokedAt: clock.now() },
    select: customerKeySelect,
  });
  await appendAuditEvent(tx, {
    actor: { type: 'user', id: actor.id },
    action: 'customer_key.revoked',
    target: { type: 'customer_api_key', id },
    requestId,
    before: toCustomerKeyView(before),
    after: toCustomerKeyView(after),
  });
  await notifyEntitlementsChanged(tx, [after.customerId]);
  return toCustomerKeyView(after);
}
