import { getDb } from '@/lib/db';
import { streamInvoiceExplanation } from '@/lib/ai/stream-invoice-explanation';
import type { ExplanationStreamResult } from '@/lib/schemas/invoices';
import { buildStoredInvoiceFacts } from './build-stored-invoice-facts';
import type { ExplainStoredInvoiceInput } from './explain-stored-invoice';
import { getAiConfig } from './get-ai-config';
import { recordFailedExplanation, storeInvoiceExplanation } from './store-invoice-explanation';
import { clock } from '@/lib/clock';

export interface StoredExplanationStream {
  /** Draft text of the first model attempt as it arrives (the whole text at once for the built-in writer). */
  textStream: AsyncIterable<string>;
  /** The checked, stored result; when streamedDraftAccepted is false the draft must be replaced. */
  done: Promise<ExplanationStreamResult>;
}

// Streaming variant of explainStoredInvoice: the same checks, fallback and records. The fact
// sheet is built before anything streams, so a missing invoice is still a plain 404. The result
// is stored even if the reader goes away mid-stream, so the decision record is always complete.
export async function streamStoredInvoiceExplanation(
  input: Omit<ExplainStoredInvoiceInput, 'abortSignal'>,
): Promise<StoredExplanationStream> {
  const ctx = { trigger: input.trigger, actor: input.actor, requestId: input.requestId, startedAt: clock.now() };
  const fail = async (error: unknown) => {
    await recordFailedExplanation(input.invoiceId, error, ctx).catch(() => {});
    throw error;
  };
  const facts = await buildStoredInvoiceFacts(getDb(), input.invoiceId).catch(fail);
  const model = input.model === undefined ? getAiConfig() : input.model;
  const stream = streamInvoiceExplanation({ facts: facts.sheet, model });
  const done = stream.result
    .then(async (result) => ({
      explanation: await storeInvoiceExplanation(facts, result, ctx),
      streamedDraftAccepted: result.streamedDraftAccepted,
    }))
    .catch(fail);
  done.catch(() => {}); // the route awaits it; never an unhandled rejection if the reader left
  return { textStream: stream.textStream, done };
}
