import { randomBytes } from 'node:crypto';
import { getDb, type Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreatedCustomerKey } from '@/lib/schemas/customer-keys';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { hashSecret } from '@/lib/server/ingest/authenticate-ingest-token';
import { customerKeySelect, toCustomerKeyView } from './customer-key-view';

export const CUSTOMER_KEY_PREFIX = 'tgk_';

// Makes a key for a customer whose company has no key manager of its own: 192 random bits, shown
// once in the answer; only its sha256 is stored (and never reaches the audit trail).
export async function createCustomerKey(
  actor: SessionUser,
  customerId: string,
  name: string,
  requestId: string,
): Promise<CreatedCustomerKey> {
  return getDb().$transaction((tx) => createCustomerKeyIn(tx, actor, customerId, name, requestId));
}

export async function createCustomerKeyIn(
  tx: Tx,
  actor: SessionUser,
  customerId: string,
  name: string,
  requestId: string,
): Promise<CreatedCustomerKey> {
  const customer = await tx.customer.findFirst({ where: { id: customerId, deletedAt: null }, select: { id: true } });
  if (!customer) throw notFound('Customer');
  const key = `${CUSTOMER_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const row = await tx.customerApiKey.create({
    data: { customerId, name, prefix: key.slice(0, CUSTOMER_KEY_PREFIX.length + 6), keyHash: hashSecret(key) },
    select: customerKeySelect,
  });
  const view = toCustomerKeyView(row);
  await appendAuditEvent(tx, {
    actor: { type: 'user', id: actor.id },
    action: 'customer_key.created',
    target: { type: 'customer_api_key', id: row.id },
    requestId,
    after: view,
  });
  return { ...view, key };
}
