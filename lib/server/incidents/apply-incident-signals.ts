import type { WebhookHandlerContext, WebhookHandlerResult } from '@/lib/server/webhook-source/define-webhook-source';
import { recordIncidentSignal } from './record-incident-signal';
import type { IncidentSignals } from './sources/incident-signal';

// The handler every incident source's event types share: each signal of the delivery recorded
// in the inbox row's transaction. The SLA agent listens to the resolving event types.
export async function applyIncidentSignals(
  ctx: WebhookHandlerContext & IncidentSignals,
): Promise<WebhookHandlerResult> {
  const outcomes: string[] = [];
  for (const signal of ctx.signals) {
    const r = await recordIncidentSignal(ctx.tx, {
      source: ctx.source,
      signal,
      inboxId: ctx.inboxId,
      actor: { type: 'system', id: `webhook:${ctx.source}` },
    });
    outcomes.push(r.outcome);
  }
  const skipped = outcomes.filter((o) => o === 'skipped_older').length;
  return { note: skipped ? `skipped: ${skipped} older signal(s)` : null };
}
