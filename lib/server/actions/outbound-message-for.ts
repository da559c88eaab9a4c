import { ProviderError } from '@/lib/server/billing/billing-provider';
import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import type { OutboxInput } from '@/lib/server/outbox/enqueue-outbox-message';

type Msg = Omit<OutboxInput, 'actionId' | 'idempotencyKey'>;

// The outbox message an approved e-mail, CRM task or Slack post becomes (or a dunning step's
// update-card e-mail). Executing these actions means queueing the message; delivery and its
// retries are the outbox's job. Destinations are admin-configured integrations (a Slack post may
// pick one by id), resolved at delivery — a draft can never name a URL.
export function outboundMessageFor(
  kind: string,
  payload: Record<string, unknown>,
  ctx: { customerName?: string; customerEmail?: string | null },
): Msg {
  switch (kind) {
    case 'email':
      return { channel: 'email', destination: destinationFor('email'), payload };
    case 'crm_task':
      return {
        channel: 'crm',
        destination: destinationFor('crm'),
        payload: { type: 'task', ...payload },
      };
    case 'slack_post':
      return {
        channel: 'slack',
        destination: destinationFor('slack', payload.integrationId as string | undefined),
        payload: { text: payload.text },
      };
    case 'dunning_step':
      return {
        channel: 'email',
        destination: destinationFor('email'),
        payload: {
          to: (payload.emailTo as string | undefined) ?? ctx.customerEmail,
          subject: 'Please update your payment method',
          body: 'Your latest payment did not go through. Please update the card on file to keep your service running.',
          invoiceId: payload.invoiceId,
        },
      };
    default:
      throw new ProviderError(`${kind} is not an outbound message`, 'not_outbound', false, false);
  }
}
