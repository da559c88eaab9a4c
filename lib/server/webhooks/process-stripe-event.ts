import type { InboxStatus } from '@/lib/schemas/webhooks';
import { applyStripeEvent } from './apply-stripe-event';
import { claimInboxEvent } from './claim-inbox-event';
import { withInboxLock } from './inbox-lock';
import { describeError, markInboxFailed } from './mark-inbox-failed';

export const DEFAULT_MAX_ATTEMPTS = 6;

export class InboxEventBusyError extends Error {
  constructor(inboxId: string) {
    super(`Webhook event ${inboxId} is being processed by another worker`);
    this.name = 'InboxEventBusyError';
  }
}

export type ProcessOutcome =
  | { status: Extract<InboxStatus, 'processed' | 'ignored'>; note: string | null; refetched: boolean }
  | { status: 'dead'; error: string }
  | { status: 'already-done' };

/*
 * Processes one inbox event; the body of the 'webhooks.process-stripe-event' job.
 *   lock (one processor per event) → claim (received | failed | orphaned processing → processing,
 *   attempts + 1) → apply (handler + 'processed' in one transaction).
 * A failure is recorded on the row ('failed', last_error) and rethrown so pg-boss retries with
 * backoff; the attempt that reaches maxAttempts marks the row 'dead' and returns normally (no
 * more retries; an admin can replay it). An event already processed, ignored or dead is left
 * alone, so a duplicate job has no second effect. Busy (another worker holds the event): throws,
 * so the job retries later and finds the event done.
 */
export async function processStripeEvent(
  inboxId: string,
  options: { maxAttempts?: number } = {},
): Promise<ProcessOutcome> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return withInboxLock(inboxId, async (client, locked) => {
    if (!locked) throw new InboxEventBusyError(inboxId);
    const claimed = await claimInboxEvent(client, inboxId);
    if (!claimed) return { status: 'already-done' };
    try {
      return await applyStripeEvent(inboxId, claimed.payload);
    } catch (err) {
      const dead = claimed.attempts >= maxAttempts;
      await markInboxFailed(client, inboxId, err, dead);
      if (!dead) throw err;
      console.error(`[webhooks] event ${inboxId} is dead after ${claimed.attempts} attempts: ${describeError(err)}`);
      return { status: 'dead', error: describeError(err) };
    }
  });
}
