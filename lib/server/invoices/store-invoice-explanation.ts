import { getDb } from '@/lib/db';
import type { InvoiceExplanationResult } from '@/lib/ai/explain-invoice';
import type { ExplanationView } from '@/lib/schemas/invoices';
import type { Actor } from '@/lib/server/audit/append-audit-event';
import type { StoredInvoiceFacts } from './build-stored-invoice-facts';
import { buildExplanationRecords, type ExplanationTrigger } from './explanation-records';
import { recordInvoiceExplanation } from './record-invoice-explanation';
import { toExplanationView } from './to-explanation-view';

export interface StoreExplanationContext {
  trigger: ExplanationTrigger;
  actor: Actor;
  requestId?: string | null;
  startedAt: Date;
}

// An explain result → explanation + decision record + audit event (one transaction) → the view.
export async function storeInvoiceExplanation(
  facts: StoredInvoiceFacts,
  result: InvoiceExplanationResult,
  ctx: StoreExplanationContext,
): Promise<ExplanationView> {
  const records = buildExplanationRecords({ facts, result, trigger: ctx.trigger, startedAt: ctx.startedAt });
  await getDb().$transaction((tx) =>
    recordInvoiceExplanation(tx, records, { actor: ctx.actor, requestId: ctx.requestId }),
  );
  return toExplanationView(records.explanation);
}
