import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/api/api-error';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { INVOICE_EXPLAINER } from '@/lib/server/agents/invoice-explainer/agent-identity';
import type { StoreExplanationContext } from './store-invoice-explanation';
import { clock } from '@/lib/clock';

// An explanation that could not be produced at all (e.g. data the mapper cannot read) is still a
// decision: a failed AgentRun and an audit event say what was tried and why it stopped. A
// missing invoice (404) is the caller's mistake, not a decision, and is not recorded.
export async function recordFailedExplanation(
  invoiceId: string,
  error: unknown,
  ctx: StoreExplanationContext,
): Promise<void> {
  if (error instanceof ApiError) return;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const db = getDb();
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, select: { customerId: true } });
  await db.$transaction(async (tx) => {
    const run = await tx.agentRun.create({
      data: {
        agentId: INVOICE_EXPLAINER.id,
        agentVersion: INVOICE_EXPLAINER.version,
        customerId: invoice?.customerId ?? null,
        trigger: { type: ctx.trigger.type, ref: ctx.trigger.ref ?? null, requestedBy: ctx.trigger.requestedBy ?? null },
        sourceRef: ctx.trigger.ref ?? `invoices:${invoiceId}`,
        inputs: { invoiceId },
        reasoning: 'The explanation could not be produced.',
        status: 'failed',
        error: message.slice(0, 2_000),
        startedAt: ctx.startedAt,
        finishedAt: clock.now(),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: 'invoice.explanation_failed',
      target: { type: 'invoice', id: invoiceId },
      customerId: invoice?.customerId ?? null,
      requestId: ctx.requestId ?? null,
      sourceRef: ctx.trigger.ref ?? null,
      data: { agentRunId: run.id, error: message.slice(0, 500) },
    });
  });
}
