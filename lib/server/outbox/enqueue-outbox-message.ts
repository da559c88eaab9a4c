import type { Tx } from '@/lib/db';

export interface OutboxInput {
  channel: 'email' | 'slack' | 'crm';
  destination: string; // integration:<id> or default:<kind> (lib/server/integrations/resolve-destination)
  payload: Record<string, unknown>;
  actionId?: string | null;
  idempotencyKey: string;
}

// Outbound messages are written in the same transaction as the decision that causes them and
// delivered later by the outbox loop with retries; the unique key makes a repeat a no-op.
export async function enqueueOutboxMessage(tx: Tx, input: OutboxInput): Promise<void> {
  await tx.outboxMessage.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    update: {},
    create: {
      channel: input.channel,
      destination: input.destination,
      payload: input.payload as object,
      actionId: input.actionId ?? null,
      idempotencyKey: input.idempotencyKey,
    },
  });
}
