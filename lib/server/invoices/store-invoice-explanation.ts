import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import type { InvoiceExplanationResult } from '@/lib/ai/explain-invoice';
import type { ExplanationView } from '@/lib/schemas/invoices';
import { recordFailedDecision } from '@/lib/server/decisions/record-decision';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import type { StoredInvoiceFacts } from './build-stored-invoice-facts';
import { buildExplanationRecords, INVOICE_EXPLAINER, type ExplanationTrigger } from './explanation-records';
import { toExplanationView } from './to-explanation-view';

export interface StoreExplanationContext {
  trigger: ExplanationTrigger;
  actor: Actor;
  requestId?: string | null;
  startedAt: Date;
}

// An explain result → explanation + decision record + audit event, in one transaction
// (convention 5): all three commit together or not at all → the view.
export async function storeInvoiceExplanation(
  facts: StoredInvoiceFacts,
  result: InvoiceExplanationResult,
  ctx: StoreExplanationContext,
): Promise<ExplanationView> {
  const { agentRun, explanation } = buildExplanationRecords({
    facts,
    result,
    trigger: ctx.trigger,
    startedAt: ctx.startedAt,
  });
  await getDb().$transaction(async (tx) => {
    await tx.agentRun.create({ data: agentRun });
    await tx.invoiceExplanation.create({ data: explanation });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: 'invoice.explained',
      target: { type: 'invoice', id: explanation.invoiceId },
      customerId: agentRun.customerId,
      requestId: ctx.requestId ?? null,
      sourceRef: agentRun.sourceRef,
      data: {
        explanationId: explanation.id,
        agentRunId: agentRun.id,
        trigger: agentRun.trigger,
        source: explanation.source,
        verdict: { ok: result.verdict.ok, fallbackReason: result.fallbackReason },
      },
      model: `${agentRun.modelProvider}/${agentRun.modelId}`,
      reasoning: agentRun.reasoning,
    });
  });
  return toExplanationView(explanation);
}

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
    const runId = await recordFailedDecision(
      tx,
      {
        agent: INVOICE_EXPLAINER,
        customerId: invoice?.customerId ?? null,
        trigger: { type: ctx.trigger.type, ref: ctx.trigger.ref ?? null, requestedBy: ctx.trigger.requestedBy ?? null },
        sourceRef: ctx.trigger.ref ?? `invoices:${invoiceId}`,
        inputs: { invoiceId },
        startedAt: ctx.startedAt,
      },
      error,
      'The explanation could not be produced.',
    );
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: 'invoice.explanation_failed',
      target: { type: 'invoice', id: invoiceId },
      customerId: invoice?.customerId ?? null,
      requestId: ctx.requestId ?? null,
      sourceRef: ctx.trigger.ref ?? null,
      data: { agentRunId: runId, error: message.slice(0, 500) },
    });
  });
}
