import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import type { WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';

// Every source the inbox accepts: /api/webhooks/<id>. A new source is one definition and one line here.
export const WEBHOOK_SOURCES: readonly WebhookSource[] = [stripeWebhookSource];

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
