import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { emailPayload } from '@/lib/schemas/action-payloads';
import { isTransactional } from '@/lib/schemas/email-templates';
import { getEmailBrand } from './brand';

// The sender's domain, from EMAIL_FROM ("Name <billing@example.com>" or a bare address).
function senderDomain(from: string): string {
  return from.match(/@([^>\s]+)>?\s*$/)?.[1]?.toLowerCase() ?? 'tollgate.local';
}

// The Message-ID is derived from the outbox idempotency key (the action's execution key), so it is
// the same however often this runs, and it is stored here, in the transaction that queues the
// message — before any worker can hand it to a transport. Every attempt sends this same id.
export function messageIdFor(idempotencyKey: string, from: string): string {
  const local = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${local}@${senderDomain(from)}>`;
}

export async function recordQueuedEmail(
  tx: Tx,
  input: { outboxMessageId: string; idempotencyKey: string; actionId: string | null; payload: Record<string, unknown> },
): Promise<string> {
  const parsed = emailPayload.safeParse(input.payload);
  const to = typeof input.payload.to === 'string' ? input.payload.to : '';
  const template = parsed.success ? (parsed.data.template ?? 'plain') : 'plain';
  const messageId = messageIdFor(input.idempotencyKey, (await getEmailBrand(tx)).from);
  const action = input.actionId
    ? await tx.action.findUnique({ where: { id: input.actionId }, select: { customerId: true } })
    : null;
  await tx.emailMessage.upsert({
    where: { messageId },
    update: {},
    create: {
      messageId,
      outboxMessageId: input.outboxMessageId,
      actionId: input.actionId,
      customerId: action?.customerId ?? null,
      toAddress: to,
      template,
      subject: typeof input.payload.subject === 'string' ? input.payload.subject : '',
      transactional: isTransactional(template),
    },
  });
  return messageId;
}
