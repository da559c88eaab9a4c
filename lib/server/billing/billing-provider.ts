import type Stripe from 'stripe';
import type { PlanPrices } from './plan-change-items';

// Where an approved action's billing effect goes: `stripe` (the real SDK) or `ledger` (built in:
// records the same effects in the database when no Stripe key is configured). What each kind
// does on each is its definition's `execute.billing` (lib/server/actions/kinds/). Every effect
// carries the action's idempotency key, so a retry is never a second effect, and each kind can
// find its effect again so an ambiguous outcome is settled by reading the platform.
export type BillingProvider = { readonly name: 'stripe'; readonly stripe: Stripe } | { readonly name: 'ledger' };

export interface ExecutionTarget {
  actionId: string;
  idempotencyKey: string;
  customer: { id: string; externalId: string | null };
}

export interface PlanChangeTarget {
  subscription: { id: string; externalId: string | null; currentPeriodEnd: Date };
  toPlan: { id: string; key: string; externalId: string | null };
  /** The prices the subscription's items move between (plan-change-items.ts). */
  fromPrices: PlanPrices;
  toPrices: PlanPrices;
  /** Stripe billing meter id → meter key, to name the meter of each Stripe item. */
  meterKeys: Map<string, string>;
}

export interface InvoiceTarget {
  invoice: { id: string; externalId: string | null; amountRemaining: number; currency: string };
  subscription: { id: string; externalId: string | null } | null;
}

export interface ExecutionResult {
  provider: 'stripe' | 'chargebee' | 'recurly' | 'ledger';
  ref: string; // the platform's id for the effect: cn_…, cbtx_…, sub_…, in_…, a Chargebee credit note id, ledger entry id
  summary: string;
  data?: Record<string, unknown>;
  /** Accepted to take effect at this instant (ISO): the action is `scheduled` until it does. */
  scheduledFor?: string;
}

// `retryable`: resend with the same key later (5xx, 429, timeouts, lost connections).
// `ambiguous`: the platform may have applied the effect (the request reached it but no answer
// came back); if retries run out the action becomes `unknown` and is reconciled, never resent
// under a new key.
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    readonly ambiguous: boolean,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
