import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { StripeKeyInput } from '@/lib/schemas/billing-connection';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { sealSecret } from '@/lib/server/integrations/secret-box';
import { keyHint, keyMode, STRIPE_CONNECTION_ID } from './connection-facts';

// An admin stores (or replaces) the Stripe key, sealed under the row id. A new key may be another
// account: the last test's findings are cleared so the page never shows the old account's facts.
// The audit record names the hint and mode, never the key.
export async function saveStripeKey(actor: SessionUser, input: StripeKeyInput, requestId: string): Promise<void> {
  const cleared = { accountId: null, accountName: null, livemode: null, testedAt: null, missingPermissions: [] };
  const sealed = {
    secretCiphertext: sealSecret(input.secretKey, STRIPE_CONNECTION_ID),
    secretHint: keyHint(input.secretKey),
  };
  await getDb().$transaction(async (tx) => {
    const before = await tx.billingConnection.findUnique({
      where: { id: STRIPE_CONNECTION_ID },
      select: { secretHint: true },
    });
    await tx.billingConnection.upsert({
      where: { id: STRIPE_CONNECTION_ID },
      create: { id: STRIPE_CONNECTION_ID, ...sealed, ...cleared },
      update: { ...sealed, ...cleared },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'billing_connection.key_saved',
      target: { type: 'billing_connection', id: STRIPE_CONNECTION_ID },
      requestId,
      before: { keyHint: before?.secretHint ?? null },
      after: { keyHint: sealed.secretHint, mode: keyMode(input.secretKey) },
    });
  });
}

export async function removeStripeKey(actor: SessionUser, requestId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.billingConnection.findUnique({
      where: { id: STRIPE_CONNECTION_ID },
      select: { secretHint: true },
    });
    if (!before?.secretHint) return;
    await tx.billingConnection.update({
      where: { id: STRIPE_CONNECTION_ID },
      data: {
        secretCiphertext: null,
        secretHint: null,
        accountId: null,
        accountName: null,
        livemode: null,
        testedAt: null,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'billing_connection.key_removed',
      target: { type: 'billing_connection', id: STRIPE_CONNECTION_ID },
      requestId,
      before: { keyHint: before.secretHint },
      after: { keyHint: null },
    });
  });
}
