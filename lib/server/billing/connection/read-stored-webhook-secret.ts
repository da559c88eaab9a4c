import { getDb } from '@/lib/db';
import { openSecret } from '@/lib/server/integrations/secret-box';
import { STRIPE_CONNECTION_ID, STRIPE_WEBHOOK_SECRET_AAD } from './connection-facts';

// The signing secret of the webhook endpoint created from Settings → Billing platform, if any.
export async function readStoredWebhookSecret(): Promise<string | null> {
  const row = await getDb().billingConnection.findUnique({
    where: { id: STRIPE_CONNECTION_ID },
    select: { webhookSecretCiphertext: true },
  });
  return row?.webhookSecretCiphertext ? openSecret(row.webhookSecretCiphertext, STRIPE_WEBHOOK_SECRET_AAD) : null;
}
