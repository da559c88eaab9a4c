'use client';
import { useBillingConnection } from '@/lib/queries/use-billing-connection';
import { useChargebeeConnection } from '@/lib/queries/use-chargebee-connection';
import { ChargebeeConnectionCard } from './chargebee-connection-card';
import { StripeConnectionCard } from './stripe-connection-card';
import { StripeImportCard } from './stripe-import-card';
import { StripeWebhookCard } from './stripe-webhook-card';

// Settings → Billing platform: connect, configure webhooks, import — Stripe, then Chargebee.
export function BillingPlatformSettings() {
  const { data } = useBillingConnection();
  const chargebee = useChargebeeConnection();
  return (
    <div className="flex flex-col gap-6">
      <StripeConnectionCard />
      <StripeWebhookCard />
      <StripeImportCard connected={Boolean(data?.source)} />
      <ChargebeeConnectionCard />
      <StripeImportCard platform="chargebee" connected={Boolean(chargebee.data?.source)} />
    </div>
  );
}
