import type Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { getDb } from '@/lib/db';
import { openSecret } from '@/lib/server/integrations/secret-box';
import { STRIPE_CONNECTION_ID } from '@/lib/server/billing/connection/connection-facts';
import { stripeClientFor } from './get-stripe-client';

export type StripeKeySource = 'env' | 'console';

/**
 * The Stripe key every Stripe call uses: STRIPE_SECRET_KEY when set (operators who manage secrets
 * in the environment keep that control), else the key an admin stored in Settings → Billing
 * platform. Null: Tollgate is not connected and works from webhook payloads and its ledger.
 */
export async function resolveStripeKey(): Promise<{ key: string; source: StripeKeySource } | null> {
  const envKey = getEnv().STRIPE_SECRET_KEY;
  if (envKey) return { key: envKey, source: 'env' };
  const row = await getDb().billingConnection.findUnique({
    where: { id: STRIPE_CONNECTION_ID },
    select: { secretCiphertext: true },
  });
  if (!row?.secretCiphertext) return null;
  try {
    return { key: openSecret(row.secretCiphertext, STRIPE_CONNECTION_ID), source: 'console' };
  } catch {
    throw new Error(
      'The Stripe key stored in Settings → Billing platform cannot be decrypted (was TOLLGATE_ENCRYPTION_KEY changed?): enter the key again',
    );
  }
}

/** The SDK client for the resolved key; null when Tollgate is not connected to Stripe. */
export async function resolveStripeClient(): Promise<Stripe | null> {
  const resolved = await resolveStripeKey();
  return resolved ? stripeClientFor(resolved.key) : null;
}
