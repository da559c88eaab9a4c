import { getEnv } from '@/lib/env';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import type { OutboxInput } from '@/lib/server/outbox/enqueue-outbox-message';

type Msg = Omit<OutboxInput, 'actionId' | 'idempotencyKey'>;

function destination(url: string | undefined, variable: string): string {
  if (!url) throw new ProviderError(`No destination configured: set ${variable}`, 'no_destination', false, false);
  return url;
}

// The outbox message an approved e-mail, CRM task or Slack post becomes (or a dunning step's
// update-card e-mail). Executing these actions means queueing the message; delivery and its
// retries are the outbox's job.
export function outboundMessageFor(
  kind: string,
  payload: Record<string, unknown>,
  ctx: { customerName?: string; customerEmail?: string | null },
): Msg {
  const env = getEnv();
  switch (kind) {
    case 'email':
      return { channel: 'email', destination: destination(env.EMAIL_WEBHOOK_URL, 'EMAIL_WEBHOOK_URL'), payload };
    case 'crm_task':
      return {
        channel: 'crm',
        destination: destination(env.CRM_WEBHOOK_URL, 'CRM_WEBHOOK_URL'),
        payload: { type: 'task', ...payload },
      };
    case 'slack_post':
      return {
        channel: 'slack',
        destination: destination(
          (payload.webhookUrl as string | undefined) ?? env.SLACK_WEBHOOK_URL,
          'SLACK_WEBHOOK_URL',
        ),
        payload: { text: payload.text },
      };
    case 'dunning_step':
      return {
        channel: 'email',
        destination: destination(env.EMAIL_WEBHOOK_URL, 'EMAIL_WEBHOOK_URL'),
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
