import type { ActionPayload } from '@/lib/schemas/action-payloads';

// What an approved action may do to the billing platform. Two implementations: `stripe` (the
// real SDK) and `ledger` (built in: records the same effects in the database when no Stripe key
// is configured). Every effect carries the action's idempotency key, so a retry is never a
// second effect, and `findExecution` lets an ambiguous outcome be settled by reading the platform.

export interface ExecutionTarget {
  actionId: string;
  idempotencyKey: string;
  customer: { id: string; externalId: string | null };
}

export interface PlanChangeTarget {
  subscription: { id: string; externalId: string | null };
  toPlan: { id: string; key: string; externalId: string | null };
}

export interface InvoiceTarget {
  invoice: { id: string; externalId: string | null; amountRemaining: number; currency: string };
  subscription: { id: string; externalId: string | null } | null;
}

export interface ExecutionResult {
  provider: 'stripe' | 'ledger';
  ref: string; // the platform's id for the effect: cn_…, cbtx_…, sub_…, in_…, ledger entry id
  summary: string;
  data?: Record<string, unknown>;
}

export interface BillingProvider {
  readonly name: 'stripe' | 'ledger';
  issueCredit(
    t: ExecutionTarget,
    p: ActionPayload<'credit'>,
    invoice: InvoiceTarget['invoice'] | null,
  ): Promise<ExecutionResult>;
  changePlan(t: ExecutionTarget, p: ActionPayload<'plan_change'>, target: PlanChangeTarget): Promise<ExecutionResult>;
  runDunningStep(t: ExecutionTarget, p: ActionPayload<'dunning_step'>, target: InvoiceTarget): Promise<ExecutionResult>;
  // Reconciliation: was this key's effect applied? null when the platform shows no trace of it.
  findExecution(
    t: ExecutionTarget,
    kind: 'credit' | 'plan_change' | 'dunning_step',
    payload: unknown,
    context: { invoice?: InvoiceTarget['invoice'] | null; plan?: PlanChangeTarget },
  ): Promise<ExecutionResult | null>;
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
