import { getDb } from '@/lib/db';
import { openSecret } from '@/lib/server/integrations/secret-box';
import { STRIPE_CONNECTION_ID, STRIPE_WEBHOOK_SECRET_AAD } from './connection-facts';

// The signing secret of the webhook endpoint created from Settings → Billing platform, if any.
// One that no longer decrypts (the encryption key changed) is ignored with a log line, so the
// environment's secrets still verify deliveries.
export async function readStoredWebhookSecret(): Promise<string | null> {
  const row = await getDb().billingConnection.findUnique({
    where: { id: STRIPE_CONNECTION_ID },
    select: { webhookSecretCiphertext: true },
  });
  if (!row?.webhookSecretCiphertext) return null;
  try {
    return openSecret(row.webhookSecretCiphertext, STRIPE_WEBHOOK_SECRET_AAD);
  } catch {
    console.error('[stripe] the stored webhook signing secret cannot be decrypted; create the endpoint again');
    return null;
  }
}
