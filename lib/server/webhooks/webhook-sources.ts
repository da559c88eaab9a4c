import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { postmarkWebhookSource } from '@/lib/server/email/webhooks/postmark-webhook-source';
import { resendWebhookSource } from '@/lib/server/email/webhooks/resend-webhook-source';
import { sendgridWebhookSource } from '@/lib/server/email/webhooks/sendgrid-webhook-source';
import type { WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';

// Every source the inbox accepts: /api/webhooks/<id>. A new source is one definition and one line here.
export const WEBHOOK_SOURCES: readonly WebhookSource[] = [
  stripeWebhookSource,
  postmarkWebhookSource,
  sendgridWebhookSource,
  resendWebhookSource,
];

export function findWebhookSource(id: string): WebhookSource | undefined {
  return WEBHOOK_SOURCES.find((source) => source.id === id);
}

/** Sources that cannot verify deliveries yet, with what is missing: shown on the Webhooks page. */
export function webhookSourceProblems(): { source: string; label: string; problem: string }[] {
  return WEBHOOK_SOURCES.flatMap((source) => {
    const problem = source.configurationProblem();
    return problem ? [{ source: source.id, label: source.label, problem }] : [];
  });
}
