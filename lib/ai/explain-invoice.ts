import { generateText, Output } from 'ai';
import { invoiceExplanationSchema, type FactSheet, type InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { checkGrounding, type GroundingVerdict } from '@/lib/ai/check-grounding';
import { BUILTIN_WRITER_VERSION, writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import {
  buildInvoicePrompt,
  buildRetryInstruction,
  INVOICE_SYSTEM_PROMPT,
  PROMPT_VERSION,
} from '@/lib/ai/invoice-prompt';
import { selectModel, type AiConfig, type ModelSelection } from '@/lib/ai/select-model';

// Explain an invoice: model (if configured) → grounding check → one regeneration with the
// rejected numbers pointed out → built-in writer. The result is a complete decision record:
// what was shown, who wrote it (provider, model id, prompt version) and every attempt's verdict.

export type ExplanationSource = 'model' | 'builtin';
export type FallbackReason = 'not_configured' | 'ungrounded' | 'model_error';

export interface ExplainAttempt {
  attempt: number;
  source: ExplanationSource;
  provider: string;
  modelId: string;
  promptVersion: string;
  /** Null when the model call failed. */
  sections: InvoiceExplanation | null;
  verdict: GroundingVerdict;
  error: string | null;
}

export interface InvoiceExplanationResult {
  sections: InvoiceExplanation;
  source: ExplanationSource;
  /** Human label of the writer, e.g. "openai · gpt-4.1-mini" or the built-in writer label. */
  label: string;
  provider: string;
  modelId: string;
  /** PROMPT_VERSION for model output, BUILTIN_WRITER_VERSION for the built-in writer. */
  promptVersion: string;
  /** Verdict of the accepted output. */
  verdict: GroundingVerdict;
  /** Verdict of each attempt, in order (the same as attempts[i].verdict). */
  verdicts: GroundingVerdict[];
  attempts: ExplainAttempt[];
  /** Why the built-in writer was used; null when the model's text was accepted. */
  fallbackReason: FallbackReason | null;
  facts: FactSheet;
}

export interface ExplainInvoiceOptions {
  facts: FactSheet;
  /** A selection from selectModel(), or the config to select from; null/undefined = built-in. */
  model?: ModelSelection | AiConfig | null;
  abortSignal?: AbortSignal;
  /** Transport retries inside one AI SDK call (default 1). Grounding retries are separate. */
  maxRetries?: number;
}

/** Model attempts before falling back: the first answer plus one regeneration. */
export const MAX_MODEL_ATTEMPTS = 2;

export function resolveSelection(model: ModelSelection | AiConfig | null | undefined): ModelSelection {
  if (!model) return selectModel(null);
  return 'kind' in model ? model : selectModel(model);
}

function failedVerdict(message: string): GroundingVerdict {
  return { ok: false, numbers: [], unverified: [], issues: [message] };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The prompt messages for attempt n (n ≥ 2 carries the previous verdict). */
export function promptFor(facts: FactSheet, previous: GroundingVerdict | null): { system: string; prompt: string } {
  const base = buildInvoicePrompt(facts);
  return { system: INVOICE_SYSTEM_PROMPT, prompt: previous ? `${base}\n\n${buildRetryInstruction(previous)}` : base };
}

/** One model call, checked. Never throws except on abort. */
export async function runModelAttempt(
  selection: Extract<ModelSelection, { kind: 'model' }>,
  facts: FactSheet,
  attempt: number,
  previous: GroundingVerdict | null,
  opts: Pick<ExplainInvoiceOptions, 'abortSignal' | 'maxRetries'>,
): Promise<ExplainAttempt> {
  const base = {
    attempt,
    source: 'model' as const,
    provider: selection.provider,
    modelId: selection.modelId,
    promptVersion: PROMPT_VERSION,
  };
  try {
    const { output } = await generateText({
      model: selection.model,
      ...promptFor(facts, previous),
      output: Output.object({ schema: invoiceExplanationSchema, name: 'invoice_explanation' }),
      maxRetries: opts.maxRetries ?? 1,
      abortSignal: opts.abortSignal,
    });
    return { ...base, sections: output, verdict: checkGrounding(output, facts), error: null };
  } catch (error) {
    if (opts.abortSignal?.aborted) throw error;
    return {
      ...base,
      sections: null,
      verdict: failedVerdict(`Model call failed: ${errorMessage(error)}`),
      error: errorMessage(error),
    };
  }
}

export function builtinAttempt(facts: FactSheet, attempt: number): ExplainAttempt {
  const sections = writeBuiltinExplanation(facts);
  return {
    attempt,
    source: 'builtin',
    provider: 'builtin',
    modelId: 'builtin-writer',
    promptVersion: BUILTIN_WRITER_VERSION,
    sections,
    verdict: checkGrounding(sections, facts),
    error: null,
  };
}

/** Turns the list of attempts (the last one accepted) into the result record. */
export function toResult(
  selection: ModelSelection,
  facts: FactSheet,
  attempts: ExplainAttempt[],
): InvoiceExplanationResult {
  const accepted = attempts[attempts.length - 1];
  const modelAttempts = attempts.filter((a) => a.source === 'model');
  const fallbackReason: FallbackReason | null =
    accepted.source === 'model'
      ? null
      : modelAttempts.length === 0
        ? 'not_configured'
        : modelAttempts[modelAttempts.length - 1].error !== null
          ? 'model_error'
          : 'ungrounded';
  return {
    sections: accepted.sections!,
    source: accepted.source,
    label: accepted.source === 'model' ? selection.label : selectModel(null).label,
    provider: accepted.provider,
    modelId: accepted.modelId,
    promptVersion: accepted.promptVersion,
    verdict: accepted.verdict,
    verdicts: attempts.map((a) => a.verdict),
    attempts,
    fallbackReason,
    facts,
  };
}

/** Continues after `attempts` (possibly empty) until a model answer is accepted or the built-in writer takes over. */
export async function finishExplanation(
  selection: ModelSelection,
  facts: FactSheet,
  attempts: ExplainAttempt[],
  opts: Pick<ExplainInvoiceOptions, 'abortSignal' | 'maxRetries'>,
): Promise<InvoiceExplanationResult> {
  const all = [...attempts];
  if (selection.kind === 'model') {
    while (all.length < MAX_MODEL_ATTEMPTS && !all.some((a) => a.verdict.ok)) {
      const previous = all.length > 0 ? all[all.length - 1].verdict : null;
      all.push(await runModelAttempt(selection, facts, all.length + 1, previous, opts));
    }
    if (all[all.length - 1]?.verdict.ok) return toResult(selection, facts, all);
  }
  all.push(builtinAttempt(facts, all.length + 1));
  return toResult(selection, facts, all);
}

/** Explains an invoice from its fact sheet; see the module comment for the flow. */
export async function explainInvoice(options: ExplainInvoiceOptions): Promise<InvoiceExplanationResult> {
  const selection = resolveSelection(options.model);
  return finishExplanation(selection, options.facts, [], options);
}
