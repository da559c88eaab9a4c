import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { ChargebeeConnectionInput } from '@/lib/schemas/chargebee-connection';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { CHARGEBEE_CONNECTION_ID } from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { sealSecret } from '@/lib/server/integrations/secret-box';

/** test_…wxyz: enough to tell keys apart, never enough to use one. */
export function chargebeeKeyHint(key: string): string {
  const prefix = /^(test|live)_/.exec(key)?.[0] ?? key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}

const cleared = { accountName: null, livemode: null, testedAt: null, missingPermissions: [] };

// An admin stores (or replaces) the Chargebee site and API key; the key is sealed under the row
// id as the Stripe key is. Another site or key clears the last test's findings. The audit record
// names the site and the key's hint, never the key.
export async function saveChargebeeConnection(
  actor: SessionUser,
  input: ChargebeeConnectionInput,
  requestId: string,
): Promise<void> {
  const stored = {
    accountId: input.site,
    secretCiphertext: sealSecret(input.apiKey, CHARGEBEE_CONNECTION_ID),
    secretHint: chargebeeKeyHint(input.apiKey),
  };
  await getDb().$transaction(async (tx) => {
    const before = await tx.billingConnection.findUnique({
      where: { id: CHARGEBEE_CONNECTION_ID },
      select: { accountId: true, secretHint: true },
    });
    await tx.billingConnection.upsert({
      where: { id: CHARGEBEE_CONNECTION_ID },
      create: { id: CHARGEBEE_CONNECTION_ID, ...stored, ...cleared },
      update: { ...stored, ...cleared },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'billing_connection.key_saved',
      target: { type: 'billing_connection', id: CHARGEBEE_CONNECTION_ID },
      requestId,
      before: { site: before?.accountId ?? null, keyHint: before?.secretHint ?? null },
      after: { site: input.site, keyHint: stored.secretHint },
    });
  });
}

export async function removeChargebeeConnection(actor: SessionUser, requestId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.billingConnection.findUnique({
      where: { id: CHARGEBEE_CONNECTION_ID },
      select: { accountId: true, secretHint: true },
    });
    if (!before?.secretHint) return;
    await tx.billingConnection.update({
      where: { id: CHARGEBEE_CONNECTION_ID },
      data: { accountId: null, secretCiphertext: null, secretHint: null, ...cleared },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'billing_connection.key_removed',
      target: { type: 'billing_connection', id: CHARGEBEE_CONNECTION_ID },
      requestId,
      before: { site: before.accountId, keyHint: before.secretHint },
      after: { site: null, keyHint: null },
    });
  });
}
