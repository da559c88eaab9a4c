import type { Tx } from '@/lib/db';
import { recordQueuedEmail } from '@/lib/server/email/record-queued-email';

export interface OutboxInput {
  channel: 'email' | 'slack' | 'crm';
  destination: string; // integration:<id> or default:<kind> (lib/server/integrations/resolve-destination)
  payload: Record<string, unknown>;
  actionId?: string | null;
  idempotencyKey: string;
}

// Outbound messages are written in the same transaction as the decision that causes them and
// delivered later by the outbox loop with retries; the unique key makes a repeat a no-op.
// An e-mail also gets its email_messages row (and Message-ID) here; the id is returned.
export async function enqueueOutboxMessage(tx: Tx, input: OutboxInput): Promise<{ messageId: string | null }> {
  const row = await tx.outboxMessage.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    update: {},
    create: {
      channel: input.channel,
      destination: input.destination,
      payload: input.payload as object,
      actionId: input.actionId ?? null,
      idempotencyKey: input.idempotencyKey,
    },
    select: { id: true, channel: true, payload: true, actionId: true },
  });
  if (row.channel !== 'email') return { messageId: null };
  const messageId = await recordQueuedEmail(tx, {
    outboxMessageId: row.id,
    idempotencyKey: input.idempotencyKey,
    actionId: row.actionId,
    payload: row.payload as Record<string, unknown>,
  });
  return { messageId };
}
