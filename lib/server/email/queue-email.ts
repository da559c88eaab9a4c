import type { Tx } from '@/lib/db';
import { recordQueuedEmail } from './record-queued-email';

// An e-mail the system itself sends (not an approved action), e.g. a bounce notice to a reviewer:
// the same outbox row and email_messages row an action's e-mail gets, written in the caller's
// transaction; the idempotency key makes a repeat a no-op. (lib/server/outbox/enqueue-outbox-message
// is the general path; this one stays inside the e-mail folder so the two folders import one way.)
export async function queueEmail(
  tx: Tx,
  input: { destination: string; idempotencyKey: string; payload: Record<string, unknown> },
): Promise<void> {
  const row = await tx.outboxMessage.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    update: {},
    create: {
      channel: 'email',
      destination: input.destination,
      payload: input.payload as object,
      idempotencyKey: input.idempotencyKey,
    },
    select: { id: true },
  });
  await recordQueuedEmail(tx, {
    outboxMessageId: row.id,
    idempotencyKey: input.idempotencyKey,
    actionId: null,
    payload: input.payload,
  });
}
