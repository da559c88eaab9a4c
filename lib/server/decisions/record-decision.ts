import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { DraftRecord, ModelUsed, ToolCall } from '@/lib/server/agents/define-agent';

// The one way a decision record (AgentRun) is written, for every agent and path — job runs, the
// on-demand explainer, failures and the seed: the same columns and the same outputs keys
// (outcome, evidence, toolCalls, drafts, then the agent's own), so a reviewer and the audit read
// every agent alike. Times come from the application clock, never the database's now(), so a
// run's startedAt is comparable with the business time the agent reasons in.

export interface DecisionRecord {
  id?: string;
  agent: { id: string; version: string };
  customerId: string | null;
  trigger: { type: string; ref: string | null; requestedBy?: string | null };
  sourceRef: string | null;
  inputs: Record<string, unknown>;
  model?: ModelUsed;
  startedAt: Date;
}

export interface DecisionResult {
  outcome: string;
  reasoning: string;
  evidence: unknown[];
  toolCalls: ToolCall[];
  drafts: DraftRecord[];
  /** Agent-specific outputs, kept next to the standard keys. */
  outputs: Record<string, unknown>;
  finishedAt?: Date;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

function header(r: DecisionRecord) {
  return {
    ...(r.id ? { id: r.id } : {}),
    agentId: r.agent.id,
    agentVersion: r.agent.version,
    customerId: r.customerId,
    trigger: json({ type: r.trigger.type, ref: r.trigger.ref, requestedBy: r.trigger.requestedBy ?? null }),
    sourceRef: r.sourceRef,
    inputs: json(r.inputs),
    modelProvider: r.model?.provider ?? null,
    modelId: r.model?.id ?? null,
    promptVersion: r.model?.promptVersion ?? null,
    startedAt: r.startedAt,
  };
}

function result(r: DecisionResult) {
  return {
    outputs: json({
      outcome: r.outcome,
      evidence: r.evidence,
      toolCalls: r.toolCalls,
      drafts: r.drafts.map((d) => ({ ...d, meterKey: d.meterKey ?? null, sourceRef: d.sourceRef ?? null })),
      ...r.outputs,
    }),
    reasoning: r.reasoning,
    status: 'succeeded' as const,
    finishedAt: r.finishedAt ?? clock.now(),
  };
}

/** Pure: the complete row of a finished decision (the seed writes these in bulk). */
export function decisionRow(record: DecisionRecord, outcome: DecisionResult) {
  return { ...header(record), ...result(outcome) };
}

/** Opens a decision (status running): rows written in the same decision can reference its id. */
export async function openDecision(tx: Tx, record: DecisionRecord): Promise<string> {
  const run = await tx.agentRun.create({ data: header(record), select: { id: true } });
  return run.id;
}

export async function closeDecision(tx: Tx, runId: string, outcome: DecisionResult): Promise<void> {
  await tx.agentRun.update({ where: { id: runId }, data: result(outcome) });
}

/** A decision that could not be made is still recorded: what was tried and why it stopped. */
export async function recordFailedDecision(
  tx: Tx,
  record: DecisionRecord,
  error: unknown,
  reasoning = '',
): Promise<string> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const run = await tx.agentRun.create({
    data: { ...header(record), reasoning, status: 'failed', error: message.slice(0, 2_000), finishedAt: clock.now() },
    select: { id: true },
  });
  return run.id;
}

/** Counted outcome of the drafts, e.g. "2 drafted, 1 skipped"; "no action" without drafts. */
export function countOutcome(drafts: readonly DraftRecord[]): string {
  if (!drafts.length) return 'no action';
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k.replace('_', '-')}`).join(', ');
}
