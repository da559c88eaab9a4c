import { getEnv } from '@/lib/env';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { forwardUsage } from './forward-usage';

// The worker loop's entry: forwards what is due, a bounded number of rounds per tick so the
// loop stays responsive to stop(). Without a Stripe key (or with USAGE_FORWARDING=off) events
// stay queued in usage_forwards, visible on the ingest page, and go out once a key is set.
export async function runUsageForwarder(): Promise<void> {
  if (getEnv().USAGE_FORWARDING === 'off') return;
  const stripe = await resolveStripeClient();
  if (!stripe) return;
  await forwardUsage(stripe, { maxRounds: 20 });
}
