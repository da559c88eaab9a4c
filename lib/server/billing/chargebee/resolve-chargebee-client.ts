import type Chargebee from 'chargebee';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { openSecret } from '@/lib/server/integrations/secret-box';
import { chargebeeClientFor, type ChargebeeCredentials } from './chargebee-client';

/** The BillingConnection row of Chargebee; also what its sealed API key is bound to. */
export const CHARGEBEE_CONNECTION_ID = 'chargebee';

/**
 * The site and API key every Chargebee call uses: CHARGEBEE_SITE + CHARGEBEE_API_KEY when both
 * are set, else the pair an admin stored in Settings → Billing platform (the site on the row's
 * account_id, the key sealed). Null: Chargebee is not connected.
 */
export async function resolveChargebeeCredentials(): Promise<
  (ChargebeeCredentials & { source: 'env' | 'console' }) | null
> {
  const env = getEnv();
  if (env.CHARGEBEE_SITE && env.CHARGEBEE_API_KEY) {
    return { site: env.CHARGEBEE_SITE, apiKey: env.CHARGEBEE_API_KEY, source: 'env' };
  }
  const row = await getDb().billingConnection.findUnique({
    where: { id: CHARGEBEE_CONNECTION_ID },
    select: { secretCiphertext: true, accountId: true },
  });
  if (!row?.secretCiphertext || !row.accountId) return null;
  try {
    return {
      site: row.accountId,
      apiKey: openSecret(row.secretCiphertext, CHARGEBEE_CONNECTION_ID),
      source: 'console',
    };
  } catch {
    throw new Error(
      'The Chargebee API key stored in Settings → Billing platform cannot be decrypted (was TOLLGATE_ENCRYPTION_KEY changed?): enter the key again',
    );
  }
}

/** The SDK client for the resolved credentials; null when Chargebee is not connected. */
export async function resolveChargebeeClient(): Promise<Chargebee | null> {
  const credentials = await resolveChargebeeCredentials();
  return credentials ? chargebeeClientFor(credentials) : null;
}
