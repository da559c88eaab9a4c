import { clock } from '@/lib/clock';
import type { InboxStatus } from '@/lib/schemas/webhooks';
import { applyWebhookEvent } from './apply-webhook-event';
import { claimInboxEvent } from './claim-inbox-event';
import { withInboxLock } from './inbox-lock';
import { describeError, markInboxFailed } from './mark-inbox-failed';
import { decideRetry } from './retry-schedule';
import { findWebhookSource } from './webhook-sources';
import { HeldEventError } from '@/lib/server/webhook-source/held-event-error';

export class InboxEventBusyError extends Error {
  constructor(inboxId: string) {
    super(`Webhook event ${inboxId} is being processed by another worker`);
    this.name = 'InboxEventBusyError';
  }
}

export type ProcessOutcome =
  | { status: Extract<InboxStatus, 'processed' | 'ignored'>; note: string | null }
  | { status: 'failed'; error: string; nextAttemptAt: Date | null }
  | { status: 'dead'; error: string }
  | { status: 'already-done' };

/*
 * Processes one inbox event; the body of the 'webhooks.process-event' job.
 *   lock (one processor per event) → claim (attempts + 1) → apply (handler + 'processed' in one
 *   transaction).
 * A failure is recorded on the row and the job ends: 'failed' with next_attempt_at from the retry
 * schedule (the sweep enqueues it when due), or 'dead' once the schedule has covered its horizon
 * (≥ 3 days). An authentic body the source cannot read or parse is 'failed' with no next attempt
 * (the same code would fail the same way): it waits for a replay, as does an event held for a
 * person (HeldEventError, e.g. a Stripe price no plan maps yet). An event already processed,
 * ignored or dead is left alone, so a duplicate job has no second effect. Busy (another worker
 * holds the event): throws, so the job retries later and finds the event done.
 */
export async function processWebhookEvent(inboxId: string): Promise<ProcessOutcome> {
  return withInboxLock(inboxId, async (client, locked) => {
    if (!locked) throw new InboxEventBusyError(inboxId);
    const claimed = await claimInboxEvent(client, inboxId, clock.now());
    if (!claimed) return { status: 'already-done' };
    const source = findWebhookSource(claimed.source);
    try {
      if (!source) throw new Error(`No webhook source "${claimed.source}" is registered`);
      const applied = await applyWebhookEvent(source, claimed);
      if (applied.status !== 'unparseable') return applied;
      const error = `unparseable: ${applied.reason}`;
      await markInboxFailed(client, inboxId, { status: 'failed', error, nextAttemptAt: null, now: clock.now() });
      return { status: 'failed', error, nextAttemptAt: null };
    } catch (err) {
      const error = describeError(err);
      const now = clock.now();
      if (err instanceof HeldEventError) {
        // Waiting for a person (e.g. a price to map): parked, replayed when the wait is resolved.
        await err.hold(inboxId);
        await markInboxFailed(client, inboxId, { status: 'failed', error, nextAttemptAt: null, now });
        return { status: 'failed', error, nextAttemptAt: null };
      }
      const decision = decideRetry(claimed.attempts, now);
      if (decision.dead) {
        await markInboxFailed(client, inboxId, { status: 'dead', error, nextAttemptAt: null, now });
        console.error(`[webhooks] event ${inboxId} is dead after ${claimed.attempts} attempts: ${error}`);
        return { status: 'dead', error };
      }
      await markInboxFailed(client, inboxId, { status: 'failed', error, nextAttemptAt: decision.nextAttemptAt, now });
      return { status: 'failed', error, nextAttemptAt: decision.nextAttemptAt };
    }
  });
}
