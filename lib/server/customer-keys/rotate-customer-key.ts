import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreatedCustomerKey, CustomerKeyView } from '@/lib/schemas/customer-keys';
import { createCustomerKeyIn } from './create-customer-key';
import { revokeCustomerKeyIn } from './revoke-customer-key';

// Replaces a key with a new one under the same name, in one transaction: the old key stops
// working when the new one exists, never before. A revoked key cannot be rotated.
export async function rotateCustomerKey(
  actor: SessionUser,
  id: string,
  requestId: string,
): Promise<{ revoked: CustomerKeyView; created: CreatedCustomerKey }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.customerApiKey.findUnique({ where: { id }, select: { revokedAt: true } });
    if (current?.revokedAt) throw new ApiError(409, 'key_revoked', 'This key is revoked: create a new one instead');
    const revoked = await revokeCustomerKeyIn(tx, actor, id, requestId);
    const created = await createCustomerKeyIn(tx, actor, revoked.customerId, revoked.name, requestId);
    return { revoked, created };
  });
}
