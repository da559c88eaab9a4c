import type { Tx } from '@/lib/db';
import { explainInvoice } from '@/lib/ai/explain-invoice';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { factsFromRows, pickPreviousRow } from '@/lib/server/invoices/build-stored-invoice-facts';
import { buildExplanationRecords, INVOICE_EXPLAINER } from '@/lib/server/invoices/explanation-records';
import { invoiceRowFromDb, invoiceRowSelect, type InvoiceRow } from '@/lib/server/invoices/invoice-row';
import { clock } from '@/lib/clock';

const CHUNK = 100;

// Every seeded invoice gets its explanation from the built-in writer (no model at seed time),
// with the same rows the runtime writes: InvoiceExplanation + AgentRun decision record. Read back
// from the database inside the seed transaction so the seed and the runtime share one mapping;
// written with createMany in chunks, and one audit event for the batch.
export async function writeInvoiceExplanations(tx: Tx): Promise<number> {
  const rows = (
    await tx.invoice.findMany({ select: invoiceRowSelect, orderBy: [{ customerId: 'asc' }, { periodStart: 'asc' }] })
  ).map(invoiceRowFromDb);
  const byCustomer = new Map<string, InvoiceRow[]>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
  const now = clock.now();
  const records = [];
  for (const row of rows) {
    const facts = factsFromRows(row, pickPreviousRow(byCustomer.get(row.customerId)!, row));
    const result = await explainInvoice({ facts: facts.sheet, model: null });
    records.push(
      buildExplanationRecords({
        facts,
        result,
        trigger: { type: 'seed', ref: `invoices:${row.id}` },
        agentRunId: `run_expl_${row.id}`,
        explanationId: `expl_${row.id}`,
        startedAt: now,
        finishedAt: now,
      }),
    );
  }
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    await tx.agentRun.createMany({ data: chunk.map((r) => r.agentRun) });
    await tx.invoiceExplanation.createMany({ data: chunk.map((r) => r.explanation) });
  }
  if (records.length > 0) {
    await appendAuditEvent(tx, {
      actor: { type: 'agent', id: INVOICE_EXPLAINER.id, version: INVOICE_EXPLAINER.version },
      action: 'invoice.explanations_seeded',
      target: { type: 'invoice', id: '*' },
      data: {
        count: records.length,
        ungrounded: records.filter((r) => !(r.explanation.verdict as { ok: boolean }).ok).length,
      },
      model: 'builtin/builtin-writer',
      reasoning:
        'Demo data: every seeded invoice explained by the built-in writer, each number checked against its fact sheet.',
    });
  }
  return records.length;
}
