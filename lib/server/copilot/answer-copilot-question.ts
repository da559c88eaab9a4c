import type { Prisma } from '@/generated/prisma/client';
import { getDb, type Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { clock } from '@/lib/clock';
import { resolveSelection } from '@/lib/ai/explain-invoice';
import type { AiConfig, ModelSelection } from '@/lib/ai/select-model';
import type { CopilotDataSource } from '@/lib/ai/copilot/copilot-data-source';
import { streamCopilotAnswer, type CopilotAnswer } from '@/lib/ai/copilot/stream-copilot-answer';
import type { CopilotTurnResult } from '@/lib/schemas/copilot';
import { closeDecision, openDecision } from '@/lib/server/decisions/record-decision';
import { getAiConfig } from '@/lib/server/invoices/get-ai-config';
import { createCopilotDataSource } from './create-copilot-data-source';
import { SUPPORT_COPILOT_AGENT } from './support-copilot-agent';

export interface AnswerCopilotQuestionInput {
  customerId: string;
  question: string;
  conversationId?: string;
  userId: string;
  /** The writer; defaults to the configured one (AI_*). */
  model?: ModelSelection | AiConfig | null;
  /** Tests inject a data source; the route always uses the customer's own. */
  source?: CopilotDataSource;
}

interface StoredTurn {
  turn: number;
  question: string;
  answer: string;
  source: CopilotAnswer['source'];
  label: string;
  fallbackReason: CopilotAnswer['fallbackReason'];
  attempts: CopilotAnswer['attempts'];
  toolCalls: CopilotAnswer['toolCalls'];
  citations: CopilotAnswer['citations'];
  injections: CopilotAnswer['injections'];
  unverifiedFigures: string[];
  askedBy: string;
  at: string;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

async function previousTurns(tx: Tx, conversationId: string, customerId: string): Promise<StoredTurn[]> {
  // Row lock: two tabs asking in one conversation append their turns one after the other.
  const locked = await tx.$queryRaw<Array<{ outputs: { turns?: StoredTurn[] } }>>`
    SELECT outputs FROM agent_runs
     WHERE id = ${conversationId} AND agent_id = ${SUPPORT_COPILOT_AGENT.id} AND customer_id = ${customerId}
     FOR UPDATE`;
  if (!locked.length) throw notFound('Copilot conversation');
  return locked[0].outputs.turns ?? [];
}

async function historyOf(conversationId: string | undefined, customerId: string) {
  if (!conversationId) return [];
  const run = await getDb().agentRun.findFirst({
    where: { id: conversationId, agentId: SUPPORT_COPILOT_AGENT.id, customerId },
    select: { outputs: true },
  });
  if (!run) throw notFound('Copilot conversation');
  const turns = ((run.outputs as { turns?: StoredTurn[] }).turns ?? []).slice(-6);
  return turns.flatMap((t) => [
    { role: 'user' as const, content: t.question },
    { role: 'assistant' as const, content: t.answer },
  ]);
}

// The conversation is one decision record (agent `support-copilot`): opened on the first
// question, and after every turn closed again with all turns — question, tools called and what
// they returned, each attempt's grounding verdict, the accepted answer and who wrote it, the
// sources cited and any injected instructions seen. It drafts nothing: `drafts` stays empty.
async function recordTurn(input: AnswerCopilotQuestionInput, answer: CopilotAnswer, startedAt: Date) {
  return getDb().$transaction(async (tx) => {
    const header = {
      agent: SUPPORT_COPILOT_AGENT,
      customerId: input.customerId,
      trigger: { type: 'on_demand', ref: `customers:${input.customerId}`, requestedBy: input.userId },
      sourceRef: `customers:${input.customerId}`,
      inputs: { question: input.question },
      model: { provider: answer.provider, id: answer.modelId, promptVersion: answer.promptVersion },
      startedAt,
    };
    const runId = input.conversationId ?? (await openDecision(tx, header));
    const turns = input.conversationId ? await previousTurns(tx, runId, input.customerId) : [];
    const turn: StoredTurn = {
      turn: turns.length + 1,
      question: input.question,
      answer: answer.text,
      source: answer.source,
      label: answer.label,
      fallbackReason: answer.fallbackReason,
      attempts: answer.attempts,
      toolCalls: answer.toolCalls,
      citations: answer.citations,
      injections: answer.injections,
      unverifiedFigures: answer.verdict.unverified.map((u) => u.text),
      askedBy: input.userId,
      at: clock.now().toISOString(),
    };
    const all = [...turns, turn];
    const injections = all.flatMap((t) => t.injections);
    await closeDecision(tx, runId, {
      outcome: `${all.length} turn(s), ${answer.source === 'model' ? 'model answer' : 'built-in answer'}${injections.length ? `, ${injections.length} injected instruction(s) flagged` : ''}`,
      reasoning: all
        .map(
          (t) =>
            `Q${t.turn}: ${t.question}\nA${t.turn} (${t.label}${t.fallbackReason ? `, ${t.fallbackReason}` : ''}): ${t.answer}`,
        )
        .join('\n\n'),
      evidence: all.flatMap((t) =>
        t.citations.map((c) => ({ turn: t.turn, ref: c.ref, type: c.type, id: c.id, title: c.title })),
      ),
      toolCalls: all.flatMap((t) => t.toolCalls.map((c) => ({ name: c.name, args: c.args, result: c.result }))),
      drafts: [],
      outputs: { turns: all, injections, writes: 0 },
    });
    if (input.conversationId) {
      // The header names the latest writer and question.
      await tx.agentRun.update({
        where: { id: runId },
        data: {
          inputs: json({ question: input.question, turns: all.length }),
          modelProvider: answer.provider,
          modelId: answer.modelId,
          promptVersion: answer.promptVersion,
        },
      });
    }
    return { runId, turn: turn.turn };
  });
}

export function toTurnResult(runId: string, turn: number, a: CopilotAnswer): CopilotTurnResult {
  return {
    conversationId: runId,
    turn,
    answer: {
      text: a.text,
      source: a.source,
      label: a.label,
      fallbackReason: a.fallbackReason,
      groundedFigures: a.verdict.numbers.length - a.verdict.unverified.length,
      unverifiedFigures: a.verdict.unverified.map((u) => u.text),
      citations: a.citations,
      injections: a.injections,
      toolsUsed: [...new Set(a.toolCalls.map((c) => c.name))],
    },
    streamedDraftAccepted: a.streamedDraftAccepted,
  };
}

// One turn of the support copilot for the customer in view. The customer and conversation are
// checked before anything streams (a wrong id is a plain 404); the turn is recorded even if the
// reader goes away mid-stream.
export async function answerCopilotQuestion(input: AnswerCopilotQuestionInput): Promise<{
  textStream: AsyncIterable<string>;
  done: Promise<CopilotTurnResult>;
}> {
  const startedAt = clock.now();
  const source = input.source ?? (await createCopilotDataSource(input.customerId));
  const history = await historyOf(input.conversationId, input.customerId);
  const selection = resolveSelection(input.model === undefined ? getAiConfig() : input.model);
  const stream = streamCopilotAnswer({ question: input.question, history, source, selection });
  const done = stream.result.then(async (answer) => {
    const { runId, turn } = await recordTurn(input, answer, startedAt);
    return toTurnResult(runId, turn, answer);
  });
  done.catch(() => {});
  return { textStream: stream.textStream, done };
}
