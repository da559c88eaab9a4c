import { describe, expect, it } from 'vitest';
import { BillingProvider } from '@/generated/prisma/client';
import { kindDefinition } from '@/lib/server/actions/kinds';
import { BILLING_PLATFORMS, billingPlatform } from '@/lib/server/billing-platforms/registry';
import { findWebhookSource } from '@/lib/server/webhooks/webhook-sources';

// The port's registry against the tables it must agree with: the inbox's sources, the
// customers.billing_provider enum and the action kinds' own Stripe calls.

describe('billing platform registry', () => {
  it('lists each platform once, with an id customers can carry and its webhook source in the inbox', () => {
    const ids = BILLING_PLATFORMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const platform of BILLING_PLATFORMS) {
      expect(Object.values(BillingProvider)).toContain(platform.id);
      expect(platform.webhookSource.id).toBe(platform.id);
      expect(findWebhookSource(platform.id)).toBe(platform.webhookSource);
    }
  });

  it('describes Stripe through the existing paths: each action is the kind’s own Stripe call', () => {
    const stripe = billingPlatform('stripe');
    expect(stripe.actions.credit).toBe(kindDefinition('credit').execute.billing!.stripe);
    expect(stripe.actions.plan_change).toBe(kindDefinition('plan_change').execute.billing!.stripe);
    expect(stripe.actions.dunning_step).toBe(kindDefinition('dunning_step').execute.billing!.stripe);
    expect(stripe.forwardUsage).toBeTypeOf('function');
    expect(stripe.idempotency.windowHours).toBe(24);
  });

  it('describes Chargebee as what is built: credit notes only, no usage forwarding yet', () => {
    const chargebee = billingPlatform('chargebee');
    expect(Object.keys(chargebee.actions)).toEqual(['credit']);
    expect(chargebee.forwardUsage).toBeNull();
    expect(chargebee.idempotency.mechanism).toBe('chargebee-idempotency-key header');
  });

  it('describes Recurly as what is built: credit adjustments only, no usage forwarding yet', () => {
    const recurly = billingPlatform('recurly');
    expect(Object.keys(recurly.actions)).toEqual(['credit']);
    expect(recurly.forwardUsage).toBeNull();
    expect(recurly.idempotency.mechanism).toBe('Idempotency-Key header');
  });

  it('answers 404 not_found for a platform it does not know', () => {
    expect(() => billingPlatform('zuora')).toThrow(expect.objectContaining({ status: 404, code: 'not_found' }));
  });
});
