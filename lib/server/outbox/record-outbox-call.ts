import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';

// An outbox delivery of an action's message is one of the action's outbound calls: kept with the
// action like its Stripe calls. The endpoint is the destination reference (integration:<id> or
// default:<channel>), never the URL, which for Slack and CRM webhooks is itself a secret.
export async function recordOutboxCall(
  msg: { actionId: string | null; destination: string; idempotencyKey: string },
  body: unknown,
  outcome: { status: number | null; error: string | null; startedMs: number },
): Promise<void> {
  if (!msg.actionId) return;
  const action = await getDb().action.findUnique({ where: { id: msg.actionId }, select: { aiAgentId: true } });
  if (!action) return;
  await getDb().actionOutboundCall.create({
    data: {
      actionId: msg.actionId,
      aiAgentId: action.aiAgentId,
      target: 'outbox',
      method: 'POST',
      endpoint: msg.destination,
      bodySha256: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
      idempotencyKey: msg.idempotencyKey,
      credential: msg.destination.startsWith('integration:') ? 'integration' : 'default',
      responseStatus: outcome.status,
      error: outcome.error?.slice(0, 500) ?? null,
      requestedAt: clock.now(),
      durationMs: Math.round(performance.now() - outcome.startedMs),
    },
  });
}
