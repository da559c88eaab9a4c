import { notFound } from '@/lib/errors';
import type { BillingPlatform, BillingPlatformId } from './port';
import { chargebeePlatform } from './chargebee-platform';
import { recurlyPlatform } from './recurly-platform';
import { stripePlatform } from './stripe-platform';

// Every billing platform Tollgate speaks. A new one is one folder (lib/server/billing/<id>/), its
// definition and one line here, plus one line in lib/server/webhooks/webhook-sources.ts.
export const BILLING_PLATFORMS: readonly BillingPlatform[] = [
  stripePlatform as BillingPlatform,
  chargebeePlatform as BillingPlatform,
  recurlyPlatform as BillingPlatform,
];

export function findBillingPlatform(id: string): BillingPlatform | undefined {
  return BILLING_PLATFORMS.find((platform) => platform.id === id);
}

export function billingPlatform(id: BillingPlatformId | string): BillingPlatform {
  const platform = findBillingPlatform(id);
  if (!platform) throw notFound('Billing platform');
  return platform;
}
