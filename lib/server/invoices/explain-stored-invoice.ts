import { getDb } from '@/lib/db';
import { explainInvoice } from '@/lib/ai/explain-invoice';
import type { AiConfig, ModelSelection } from '@/lib/ai/select-model';
import type { ExplanationView } from '@/lib/schemas/invoices';
import { buildStoredInvoiceFacts } from './build-stored-invoice-facts';
import { getAiConfig } from './get-ai-config';
import {
  recordFailedExplanation,
  storeInvoiceExplanation,
  type StoreExplanationContext,
} from './store-invoice-explanation';
import { clock } from '@/lib/clock';

export interface ExplainStoredInvoiceInput extends Omit<StoreExplanationContext, 'startedAt'> {
  invoiceId: string;
  /** The writer; defaults to the configured one (AI_* through getEnv()). */
  model?: ModelSelection | AiConfig | null;
  abortSignal?: AbortSignal;
}

// Explains a stored invoice: fact sheet (with last month's invoice) → model or built-in writer,
// every number checked, one regeneration, then the built-in writer → stored with its decision
// record and audit event. Used by the on-demand route and the invoice-explainer job.
export async function explainStoredInvoice(input: ExplainStoredInvoiceInput): Promise<ExplanationView> {
  const ctx = { trigger: input.trigger, actor: input.actor, requestId: input.requestId, startedAt: clock.now() };
  try {
    const facts = await buildStoredInvoiceFacts(getDb(), input.invoiceId);
    const model = input.model === undefined ? getAiConfig() : input.model;
    const result = await explainInvoice({ facts: facts.sheet, model, abortSignal: input.abortSignal });
    return await storeInvoiceExplanation(facts, result, ctx);
  } catch (error) {
    if (!input.abortSignal?.aborted) await recordFailedExplanation(input.invoiceId, error, ctx).catch(() => {});
    throw error;
  }
}
