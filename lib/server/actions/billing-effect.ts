import type Chargebee from 'chargebee';
import type { BillingProvider, ExecutionResult } from '@/lib/server/billing/billing-provider';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import { CHARGEBEE_ACTIONS } from '@/lib/server/billing/chargebee/actions/chargebee-actions';
import { resolveChargebeeClient } from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { findLedgerEntry } from '@/lib/server/billing/ledger-provider';
import type { ExecutionContext } from './load-execution-context';

function billingOf(ctx: ExecutionContext) {
  if (!ctx.billing) throw new ProviderError('This action has no billing effect', 'not_a_billing_action', false, false);
  return ctx.billing;
}

/**
 * A Chargebee customer's effect goes to Chargebee, whatever the configured provider (Stripe or
 * the ledger) is for everyone else; null for any other customer.
 */
async function chargebeeEffect(ctx: ExecutionContext) {
  if (ctx.platform !== 'chargebee') return null;
  const effect = (CHARGEBEE_ACTIONS as Partial<Record<string, (typeof CHARGEBEE_ACTIONS)['credit']>>)[ctx.kind];
  if (!effect) {
    throw new ProviderError(`${ctx.kind} is not available on Chargebee yet`, 'not_supported_on_platform', false, false);
  }
  const client: Chargebee | null = await resolveChargebeeClient();
  if (!client) {
    throw new ProviderError(
      'The customer is on Chargebee, which is not connected: store a site and API key in Settings → Billing platform',
      'platform_not_connected',
      false,
      false,
    );
  }
  return { effect, client };
}

/** Applies the action's billing effect on the customer's platform, under its idempotency key. */
export async function applyBillingEffect(provider: BillingProvider, ctx: ExecutionContext): Promise<ExecutionResult> {
  const billing = billingOf(ctx);
  const chargebee = await chargebeeEffect(ctx);
  if (chargebee) return chargebee.effect.apply(chargebee.client, ctx.target, ctx.payload, ctx.billingTarget);
  return provider.name === 'stripe'
    ? billing.stripe.apply(provider.stripe, ctx.target, ctx.payload, ctx.billingTarget)
    : billing.ledger(ctx.target, ctx.payload, ctx.billingTarget);
}

/** Reads the platform for the effect tagged with the action's key; null when there is no trace. */
export async function findBillingEffect(
  provider: BillingProvider,
  ctx: ExecutionContext,
): Promise<ExecutionResult | null> {
  const billing = billingOf(ctx);
  const chargebee = await chargebeeEffect(ctx);
  if (chargebee) return chargebee.effect.find(chargebee.client, ctx.target, ctx.payload, ctx.billingTarget);
  return provider.name === 'stripe'
    ? billing.stripe.find(provider.stripe, ctx.target, ctx.payload, ctx.billingTarget)
    : findLedgerEntry(ctx.target);
}
