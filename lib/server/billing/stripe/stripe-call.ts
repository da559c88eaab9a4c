import { ProviderError, type ExecutionTarget } from '../billing-provider';
import { toProviderError } from './stripe-errors';

// Small helpers every kind's Stripe execution shares.

/** The Stripe id a local record was synced with; without it there is nothing to call. */
export function needStripeId(value: string | null | undefined, what: string): string {
  if (!value)
    throw new ProviderError(
      `No Stripe id for the ${what}: it was not synced from Stripe`,
      'missing_external_id',
      false,
      false,
    );
  return value;
}

/** Metadata on every object an action writes: how reconciliation finds the effect again. */
export const executionTags = (t: ExecutionTarget) => ({
  tollgate_action_id: t.actionId,
  tollgate_execution_key: t.idempotencyKey,
});

export const taggedWith = (t: ExecutionTarget, metadata: Record<string, string> | null | undefined): boolean =>
  metadata?.tollgate_execution_key === t.idempotencyKey;

/** Runs a Stripe call and translates its failure into what the executor needs to know. */
export async function stripeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toProviderError(err);
  }
}

/** Searches a whole Stripe list (the SDK pages through every page), not only its first page. */
export async function findInStripeList<T>(list: AsyncIterable<T>, predicate: (item: T) => boolean): Promise<T | null> {
  return stripeCall(async () => {
    for await (const item of list) if (predicate(item)) return item;
    return null;
  });
}
