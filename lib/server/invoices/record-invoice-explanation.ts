import type { Tx } from '@/lib/db';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import type { ExplanationRecords } from './explanation-records';

// Stores an explanation, its decision record and its audit event in the caller's transaction
// (convention 5): all three commit together or not at all.
export async function recordInvoiceExplanation(
  tx: Tx,
  records: ExplanationRecords,
  audit: { actor: Actor; requestId?: string | null },
): Promise<void> {
  const { agentRun, explanation } = records;
  await tx.agentRun.create({ data: agentRun });
  await tx.invoiceExplanation.create({ data: explanation });
  await appendAuditEvent(tx, {
    actor: audit.actor,
    action: 'invoice.explained',
    target: { type: 'invoice', id: explanation.invoiceId },
    customerId: agentRun.customerId,
    requestId: audit.requestId ?? null,
    sourceRef: agentRun.sourceRef,
    data: {
      explanationId: explanation.id,
      agentRunId: agentRun.id,
      trigger: agentRun.trigger,
      source: explanation.source,
      verdict: {
        ok: (explanation.verdict as { ok: boolean }).ok,
        fallbackReason: (explanation.verdict as { fallbackReason: string | null }).fallbackReason,
      },
    },
    model: `${agentRun.modelProvider}/${agentRun.modelId}`,
    reasoning: agentRun.reasoning,
  });
}
