import { generateText, isStepCount, streamText, type ModelMessage } from 'ai';
import { checkGrounding, type GroundingVerdict } from '@/lib/ai/check-grounding';
import { createTextChannel } from '@/lib/ai/stream-invoice-explanation';
import type { ModelSelection } from '@/lib/ai/select-model';
import { CopilotFacts, type CopilotSource } from './copilot-facts';
import type { CopilotDataSource, CopilotToolCall } from './copilot-data-source';
import { buildCopilotTools } from './copilot-tools';
import {
  COPILOT_PROMPT_VERSION,
  COPILOT_SYSTEM_PROMPT,
  copilotRetryInstruction,
  customerContext,
} from './copilot-prompt';
import { BUILTIN_ANSWER_LABEL, BUILTIN_ANSWER_VERSION, composeBuiltinAnswer } from './builtin-answer';
import type { InjectionFlag } from './detect-injections';

// One copilot turn, the way invoice explanations work: the model answers with read-only tools
// (streamed as a provisional draft) → every figure checked against the tool outputs → one
// regeneration naming the rejected figures → the built-in answer composed from the tool outputs.
// The result carries everything the decision record needs.

export type CopilotAnswerSource = 'model' | 'builtin';
export type CopilotFallbackReason = 'not_configured' | 'ungrounded' | 'model_error';

export interface CopilotAttempt {
  attempt: number;
  source: CopilotAnswerSource;
  provider: string;
  modelId: string;
  promptVersion: string;
  text: string | null;
  ok: boolean;
  unverified: string[];
  grounded: number;
  error: string | null;
}

export interface CopilotAnswer {
  text: string;
  source: CopilotAnswerSource;
  label: string;
  provider: string;
  modelId: string;
  promptVersion: string;
  fallbackReason: CopilotFallbackReason | null;
  verdict: GroundingVerdict;
  attempts: CopilotAttempt[];
  toolCalls: CopilotToolCall[];
  /** Sources the answer cites ([S1] …), in ref order. */
  citations: CopilotSource[];
  injections: InjectionFlag[];
  /** True when the streamed draft is the accepted answer (else the UI replaces it). */
  streamedDraftAccepted: boolean;
}

export interface CopilotTurnInput {
  question: string;
  /** Earlier turns of the conversation, oldest first. */
  history?: Array<{ role: 'user' | 'assistant'; content: string }>;
  source: CopilotDataSource;
  selection: ModelSelection;
  abortSignal?: AbortSignal;
  maxRetries?: number;
  /** Tool-call rounds per model attempt (default 6). */
  maxSteps?: number;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function attemptOf(
  n: number,
  sel: { provider: string; modelId: string },
  text: string | null,
  verdict: GroundingVerdict,
  error: string | null,
  source: CopilotAnswerSource = 'model',
): CopilotAttempt {
  return {
    attempt: n,
    source,
    provider: sel.provider,
    modelId: sel.modelId,
    promptVersion: source === 'model' ? COPILOT_PROMPT_VERSION : BUILTIN_ANSWER_VERSION,
    text,
    ok: verdict.ok,
    unverified: verdict.unverified.map((u) => u.text),
    grounded: verdict.numbers.length - verdict.unverified.length,
    error,
  };
}

function failed(message: string): GroundingVerdict {
  return { ok: false, numbers: [], unverified: [], issues: [message] };
}

export function streamCopilotAnswer(input: CopilotTurnInput): {
  textStream: AsyncIterable<string>;
  result: Promise<CopilotAnswer>;
} {
  const channel = createTextChannel();
  const facts = new CopilotFacts(input.source.currency);
  const toolCalls: CopilotToolCall[] = [];
  const { selection } = input;
  // The name is in every prompt (customerContext), so it is always checked.
  facts.read(`customers:${input.source.customer.id}`, 'name', input.source.customer.name);
  facts.identifier(input.source.customer.name);

  const run = async (): Promise<CopilotAnswer> => {
    const attempts: CopilotAttempt[] = [];
    const check = (text: string) =>
      text.trim() ? checkGrounding(text, facts.sheet()) : failed('The answer is empty.');
    let accepted: { text: string; verdict: GroundingVerdict } | null = null;
    let streamed = '';
    if (selection.kind === 'model') {
      const tools = buildCopilotTools(input.source, facts, toolCalls);
      const messages: ModelMessage[] = [
        ...(input.history ?? []).slice(-12).map((m) => ({ role: m.role, content: m.content }) as ModelMessage),
        { role: 'user', content: input.question },
      ];
      const common = {
        model: selection.model,
        system: `${COPILOT_SYSTEM_PROMPT}\n\n${customerContext(input.source.customer)}`,
        tools,
        stopWhen: isStepCount(input.maxSteps ?? 6),
        maxRetries: input.maxRetries ?? 1,
        abortSignal: input.abortSignal,
      };
      let first = '';
      try {
        const stream = streamText({ ...common, messages, onError: () => {} });
        for await (const delta of stream.textStream) {
          streamed += delta;
          channel.push(delta);
        }
        first = await stream.text;
        const verdict = check(first);
        attempts.push(attemptOf(1, selection, first, verdict, null));
        if (verdict.ok) accepted = { text: first, verdict };
      } catch (error) {
        if (input.abortSignal?.aborted) throw error;
        attempts.push(
          attemptOf(1, selection, null, failed(`Model call failed: ${errorText(error)}`), errorText(error)),
        );
      }
      if (!accepted && attempts[0].error === null) {
        try {
          const retry = copilotRetryInstruction(check(first));
          const second = await generateText({
            ...common,
            messages: [...messages, { role: 'assistant', content: first }, { role: 'user', content: retry }],
          });
          const verdict = check(second.text);
          attempts.push(attemptOf(2, selection, second.text, verdict, null));
          if (verdict.ok) accepted = { text: second.text, verdict };
        } catch (error) {
          if (input.abortSignal?.aborted) throw error;
          attempts.push(
            attemptOf(2, selection, null, failed(`Model call failed: ${errorText(error)}`), errorText(error)),
          );
        }
      }
    }
    let source: CopilotAnswerSource = 'model';
    if (!accepted) {
      source = 'builtin';
      const text = await composeBuiltinAnswer(input.question, input.source, facts, toolCalls);
      const verdict = check(text);
      attempts.push(
        attemptOf(
          attempts.length + 1,
          { provider: 'builtin', modelId: 'builtin-answer' },
          text,
          verdict,
          null,
          'builtin',
        ),
      );
      accepted = { text, verdict };
      if (selection.kind === 'builtin') channel.push(text);
    }
    const last = attempts.filter((a) => a.source === 'model').at(-1);
    const cited = facts.sources.filter((s) => accepted!.text.includes(`[${s.ref}]`));
    return {
      text: accepted.text,
      source,
      label: source === 'model' ? selection.label : BUILTIN_ANSWER_LABEL,
      provider: source === 'model' ? selection.provider : 'builtin',
      modelId: source === 'model' ? selection.modelId : 'builtin-answer',
      promptVersion: source === 'model' ? COPILOT_PROMPT_VERSION : BUILTIN_ANSWER_VERSION,
      fallbackReason: source === 'model' ? null : !last ? 'not_configured' : last.error ? 'model_error' : 'ungrounded',
      verdict: accepted.verdict,
      attempts,
      toolCalls,
      citations: cited,
      injections: facts.injections(),
      streamedDraftAccepted:
        source === 'model' ? attempts[0].ok && streamed === accepted.text : selection.kind === 'builtin',
    };
  };

  const result = run().finally(() => channel.close());
  result.catch(() => {});
  return { textStream: channel.iterate(), result };
}
