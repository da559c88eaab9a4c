import { chargebeeWebhookSource } from '@/lib/server/billing/chargebee/chargebee-webhook-source';
import { recurlyWebhookSource } from '@/lib/server/billing/recurly/recurly-webhook-source';
import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { postmarkWebhookSource } from '@/lib/server/email/webhooks/postmark-webhook-source';
import { resendWebhookSource } from '@/lib/server/email/webhooks/resend-webhook-source';
import { sendgridWebhookSource } from '@/lib/server/email/webhooks/sendgrid-webhook-source';
import type { WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { alertmanagerWebhookSource } from '@/lib/server/incidents/sources/alertmanager-webhook-source';
import { datadogWebhookSource } from '@/lib/server/incidents/sources/datadog-webhook-source';
import { statuspageWebhookSource } from '@/lib/server/incidents/sources/statuspage-webhook-source';
import { genericIncidentWebhookSource } from '@/lib/server/incidents/sources/generic-incident-webhook-source';

// Every source the inbox accepts: /api/webhooks/<id>. A new source is one definition and one line here.
export const WEBHOOK_SOURCES: readonly WebhookSource[] = [
  stripeWebhookSource,
  chargebeeWebhookSource,
  recurlyWebhookSource,
  alertmanagerWebhookSource,
  datadogWebhookSource,
  statuspageWebhookSource,
  genericIncidentWebhookSource,
  postmarkWebhookSource,
  sendgridWebhookSource,
  resendWebhookSource,
];

export function findWebhookSource(id: string): WebhookSource | undefined {
  return WEBHOOK_SOURCES.find((source) => source.id === id);
}

/** Sources that cannot verify deliveries yet, with what is missing: shown on the Webhooks page. */
export async function webhookSourceProblems(): Promise<{ source: string; label: string; problem: string }[]> {
  const found = await Promise.all(
    WEBHOOK_SOURCES.map(async (source) => ({ source, problem: await source.configurationProblem() })),
  );
  return found.flatMap(({ source, problem }) => (problem ? [{ source: source.id, label: source.label, problem }] : []));
}
