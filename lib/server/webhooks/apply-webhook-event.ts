import { getDb } from '@/lib/db';
import { signalAgents } from '@/lib/server/jobs/agent-signals';
import { clock } from '@/lib/clock';
import type { WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import type { ClaimedInboxEvent } from './claim-inbox-event';
import { UNREADABLE_EVENT_ID_PREFIX } from './record-webhook-event';

export type AppliedOutcome =
  | { status: 'processed' | 'ignored'; note: string | null }
  /** Authentic, but this code cannot read or parse it: parked as failed until a replay. */
  | { status: 'unparseable'; reason: string };

// Applies a claimed inbox event: read the stored raw body (the bytes that were signed, so a row
// stored unreadable is read afresh after an upgrade) → the type's handler → the source's parse
// (e.g. re-fetch and normalise) → the handler and the 'processed' mark in one transaction, so a
// crash leaves either both or neither. Throws on a transient failure; the caller schedules a retry.
export async function applyWebhookEvent(source: WebhookSource, claimed: ClaimedInboxEvent): Promise<AppliedOutcome> {
  const read = source.read(claimed.rawBody);
  if (!read.ok) return { status: 'unparseable', reason: read.reason };
  const { envelope } = read;
  const handler = Object.hasOwn(source.eventTypes, envelope.type) ? source.eventTypes[envelope.type] : undefined;
  // A row stored unreadable learns its real type and payload once it reads.
  const learned = claimed.eventId.startsWith(UNREADABLE_EVENT_ID_PREFIX)
    ? { type: envelope.type, payload: envelope.payload as object }
    : {};
  const finished = (status: 'processed' | 'ignored', note: string | null) => ({
    status,
    processedAt: clock.now(),
    lastError: note,
    nextAttemptAt: null,
    ...learned,
  });
  if (!handler) {
    // Not a type we handle (e.g. an ignored event an admin replayed): nothing to apply.
    await getDb().webhookEvent.update({ where: { id: claimed.id }, data: finished('ignored', null) });
    return { status: 'ignored', note: null };
  }
  const parsed = await source.parse(envelope);
  if (!parsed.ok) return { status: 'unparseable', reason: parsed.reason };
  return getDb().$transaction(
    async (tx) => {
      const result = await handler({ tx, inboxId: claimed.id, ...parsed.event });
      // Agents listening to this event type (lib/server/agents/registry.ts) run once it commits:
      // the signal is fanned out to them by the agent platform.
      await signalAgents({
        on: 'webhook',
        type: envelope.type,
        inboxId: claimed.id,
        objectId: source.subjectOf(parsed.event),
      });
      const note = result.note ?? null;
      await tx.webhookEvent.update({ where: { id: claimed.id }, data: finished('processed', note) });
      return { status: 'processed' as const, note };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
