import type { BillingProvider, ExecutionResult } from '@/lib/server/billing/billing-provider';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import { CHARGEBEE_ACTIONS } from '@/lib/server/billing/chargebee/actions/chargebee-actions';
import { resolveChargebeeClient } from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { findLedgerEntry } from '@/lib/server/billing/ledger-provider';
import { RECURLY_ACTIONS } from '@/lib/server/billing/recurly/actions/recurly-actions';
import { resolveRecurlyClient } from '@/lib/server/billing/recurly/recurly-client';
import type { PlatformActionEffect } from '@/lib/server/billing-platforms/port';
import type { ExecutionContext } from './load-execution-context';

function billingOf(ctx: ExecutionContext) {
  if (!ctx.billing) throw new ProviderError('This action has no billing effect', 'not_a_billing_action', false, false);
  return ctx.billing;
}

interface OwnPlatform {
  label: string;
  actions: Partial<Record<string, PlatformActionEffect<never>>>;
  connect: () => Promise<unknown>;
  /** What to do when it is not connected. */
  connectHint: string;
}

// The platforms whose customers' effects go to their own platform, whatever the configured
// provider (Stripe or the ledger) is for everyone else.
const OWN_PLATFORMS: Partial<Record<string, OwnPlatform>> = {
  chargebee: {
    label: 'Chargebee',
    actions: CHARGEBEE_ACTIONS,
    connect: resolveChargebeeClient,
    connectHint: 'store a site and API key in Settings → Billing platform',
  },
  recurly: {
    label: 'Recurly',
    actions: RECURLY_ACTIONS,
    connect: resolveRecurlyClient,
    connectHint: 'set RECURLY_API_KEY',
  },
};

/** The effect and client of the customer's own platform (Chargebee, Recurly); null for any other customer. */
async function ownPlatformEffect(ctx: ExecutionContext) {
  const platform = ctx.platform ? OWN_PLATFORMS[ctx.platform] : undefined;
  if (!platform) return null;
  const effect = platform.actions[ctx.kind] as PlatformActionEffect<unknown> | undefined;
  if (!effect) {
    throw new ProviderError(
      `${ctx.kind} is not available on ${platform.label} yet`,
      'not_supported_on_platform',
      false,
      false,
    );
  }
  const client = await platform.connect();
  if (!client) {
    throw new ProviderError(
      `The customer is on ${platform.label}, which is not connected: ${platform.connectHint}`,
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
  const own = await ownPlatformEffect(ctx);
  if (own) return own.effect.apply(own.client, ctx.target, ctx.payload, ctx.billingTarget);
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
  const own = await ownPlatformEffect(ctx);
  if (own) return own.effect.find(own.client, ctx.target, ctx.payload, ctx.billingTarget);
  return provider.name === 'stripe'
    ? billing.stripe.find(provider.stripe, ctx.target, ctx.payload, ctx.billingTarget)
    : findLedgerEntry(ctx.target);
}
