import { Output, streamText } from 'ai';
import { invoiceExplanationSchema, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { checkGrounding } from '@/lib/ai/check-grounding';
import { PROMPT_VERSION } from '@/lib/ai/invoice-prompt';
import { renderExplanationText } from '@/lib/ai/render-explanation';
import {
  finishExplanation,
  promptFor,
  resolveSelection,
  type ExplainAttempt,
  type ExplainInvoiceOptions,
  type InvoiceExplanationResult,
} from '@/lib/ai/explain-invoice';

// Streaming variant of explainInvoice. `textStream` carries the plain-text rendering of the FIRST
// model attempt as it arrives — a provisional draft. `result` is the verified outcome (the same
// flow as explainInvoice: regenerate once, then the built-in writer); when
// `result.streamedDraftAccepted` is false the UI must replace the draft with
// renderExplanationText(result.sections). The stream always ends, even if nobody reads it.

export interface StreamedExplanationResult extends InvoiceExplanationResult {
  /** True when the text sent on `textStream` is the accepted explanation. */
  streamedDraftAccepted: boolean;
}

export interface InvoiceExplanationStream {
  textStream: AsyncIterable<string>;
  result: Promise<StreamedExplanationResult>;
}

/** A push-to-pull text stream: the producer never waits for a reader. */
export function createTextChannel() {
  const buffered: string[] = [];
  let closed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    push(delta: string) {
      if (closed || delta === '') return;
      buffered.push(delta);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    async *iterate(): AsyncGenerator<string> {
      for (;;) {
        if (buffered.length > 0) yield buffered.shift()!;
        else if (closed) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

export function streamInvoiceExplanation(options: ExplainInvoiceOptions): InvoiceExplanationStream {
  const selection = resolveSelection(options.model);
  const channel = createTextChannel();
  const { facts } = options;

  const run = async (): Promise<StreamedExplanationResult> => {
    if (selection.kind === 'builtin') {
      const result = await finishExplanation(selection, facts, [], options);
      channel.push(renderExplanationText(result.sections));
      return { ...result, streamedDraftAccepted: true };
    }
    let emitted = '';
    const emit = (text: string) => {
      if (text.startsWith(emitted)) {
        channel.push(text.slice(emitted.length));
        emitted = text;
      }
    };
    const base = {
      attempt: 1,
      source: 'model' as const,
      provider: selection.provider,
      modelId: selection.modelId,
      promptVersion: PROMPT_VERSION,
    };
    let first: ExplainAttempt;
    try {
      const stream = streamText({
        model: selection.model,
        ...promptFor(facts, null),
        output: Output.object({ schema: invoiceExplanationSchema, name: 'invoice_explanation' }),
        maxRetries: options.maxRetries ?? 1,
        abortSignal: options.abortSignal,
        onError: () => {}, // surfaced through `output` below
      });
      for await (const partial of stream.partialOutputStream) emit(renderExplanationText(partial));
      const output: InvoiceExplanation = await stream.output;
      emit(renderExplanationText(output));
      first = { ...base, sections: output, verdict: checkGrounding(output, facts), error: null };
    } catch (error) {
      if (options.abortSignal?.aborted) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      first = {
        ...base,
        sections: null,
        verdict: { ok: false, numbers: [], unverified: [], issues: [`Model call failed: ${message}`] },
        error: message,
      };
    }
    const result = await finishExplanation(selection, facts, [first], options);
    return {
      ...result,
      streamedDraftAccepted:
        first.verdict.ok && first.sections !== null && emitted === renderExplanationText(first.sections),
    };
  };

  const result = run().finally(() => channel.close());
  // The caller may only read textStream; keep an unobserved rejection from crashing the process.
  result.catch(() => {});
  return { textStream: channel.iterate(), result };
}
