import type { BillingProvider, ExecutionResult } from '@/lib/server/billing/billing-provider';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import { findLedgerEntry } from '@/lib/server/billing/ledger-provider';
import type { ExecutionContext } from './load-execution-context';

function billingOf(ctx: ExecutionContext) {
  if (!ctx.billing) throw new ProviderError('This action has no billing effect', 'not_a_billing_action', false, false);
  return ctx.billing;
}

/** Applies the action's billing effect on the configured platform, under its idempotency key. */
export function applyBillingEffect(provider: BillingProvider, ctx: ExecutionContext): Promise<ExecutionResult> {
  const billing = billingOf(ctx);
  return provider.name === 'stripe'
    ? billing.stripe.apply(provider.stripe, ctx.target, ctx.payload, ctx.billingTarget)
    : billing.ledger(ctx.target, ctx.payload, ctx.billingTarget);
}

/** Reads the platform for the effect tagged with the action's key; null when there is no trace. */
export function findBillingEffect(provider: BillingProvider, ctx: ExecutionContext): Promise<ExecutionResult | null> {
  const billing = billingOf(ctx);
  return provider.name === 'stripe'
    ? billing.stripe.find(provider.stripe, ctx.target, ctx.payload, ctx.billingTarget)
    : findLedgerEntry(ctx.target);
}
