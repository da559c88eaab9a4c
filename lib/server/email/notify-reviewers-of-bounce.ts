import type { Tx } from '@/lib/db';
import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { queueEmail } from './queue-email';

// A hard bounce means a customer did not get what a reviewer approved (an invoice reminder, a
// credit notice). Each person who approved the action gets an e-mail saying so, queued in the
// same transaction as the bounce; the key makes a replayed event queue nothing more.
export async function notifyReviewersOfBounce(
  tx: Tx,
  message: { id: string; toAddress: string; actionId: string | null },
  detail: string | null,
): Promise<number> {
  if (!message.actionId) return 0;
  const action = await tx.action.findUnique({
    where: { id: message.actionId },
    select: {
      title: true,
      customer: { select: { name: true } },
      approvals: { where: { decision: 'approved' }, select: { user: { select: { id: true, email: true } } } },
    },
  });
  if (!action) return 0;
  const reviewers = new Map(action.approvals.map((a) => [a.user.id, a.user.email]));
  for (const [userId, email] of reviewers) {
    await queueEmail(tx, {
      destination: destinationFor('email'),
      idempotencyKey: `bounce-notice:${message.id}:${userId}`,
      payload: {
        to: email,
        subject: `Bounced: “${action.title}” did not reach ${message.toAddress}`,
        body:
          `The e-mail you approved for ${action.customer?.name ?? 'a customer'} (“${action.title}”) bounced at ${message.toAddress}` +
          `${detail ? `: ${detail}` : ''}.\n\nThe address is now on the suppression list, so nothing more will be sent to it. ` +
          `Update the customer's billing e-mail and draft the message again.`,
      },
    });
  }
  return reviewers.size;
}
