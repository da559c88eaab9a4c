import type { Tx } from '@/lib/db';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { proposeAction } from '@/lib/server/actions/propose-action';
import {
  agentInput,
  TriggerNotReadyError,
  type AgentContext,
  type AgentDefinition,
  type AgentInput,
  type Decision,
  type DecisionHeader,
  type DraftRecord,
  type ToolCall,
} from './define-agent';
import {
  closeDecision,
  countOutcome,
  openDecision,
  recordFailedDecision,
} from '@/lib/server/decisions/record-decision';

// Errors whose decision record the agent's own code already wrote (e.g. the explainer's failure
// path, shared with the on-demand route): the platform does not record them a second time.
const recorded = new WeakSet<object>();
export function markFailureRecorded(error: unknown): void {
  if (typeof error === 'object' && error) recorded.add(error);
}

// The inbox row of the webhook event that triggered the run. Webhook handlers (and the hook in
// applyStripeEvent) enqueue inside the event's transaction: until that commits — the row turns
// processed in the same transaction — what the event wrote is not visible, so the run waits.
async function awaitTriggeringEvent(sourceRef: string | null | undefined): Promise<void> {
  const inboxId = /^webhook_events:(.+)$/.exec(sourceRef ?? '')?.[1];
  if (!inboxId) return;
  const event = await getDb().webhookEvent.findUnique({ where: { id: inboxId }, select: { status: true } });
  if (event && ['received', 'processing', 'failed'].includes(event.status))
    throw new TriggerNotReadyError(`${sourceRef} is not stored (yet): the job retries once its transaction commits`);
}

function decisionScope(ctx: AgentContext, tx: Tx, runId: string) {
  const state = {
    evidence: [] as unknown[],
    reasoning: [] as string[],
    toolCalls: [] as ToolCall[],
    drafts: [] as DraftRecord[],
    outputs: {} as Record<string, unknown>,
    outcome: null as string | null,
  };
  const actor = { type: 'agent' as const, id: ctx.agent.id, version: ctx.agent.version };
  const decision = (customerId: string | null, model: string | null): Decision => ({
    runId,
    tx,
    now: ctx.now,
    evidence: (...items) => void state.evidence.push(...items),
    reason: (...lines) => void state.reasoning.push(...lines),
    toolCall: (call) => void state.toolCalls.push(call),
    output: (values) => void Object.assign(state.outputs, values),
    outcome: (text) => void (state.outcome = text),
    propose: async (d) => {
      const res = await proposeAction(tx, {
        kind: d.kind,
        customerId: d.customerId === undefined ? customerId : d.customerId,
        title: d.title,
        payload: d.payload,
        actor,
        agentRunId: runId,
        sourceRef: d.sourceRef,
        model,
        reasoning: d.reasoning,
      });
      const draft: DraftRecord = {
        kind: d.kind,
        outcome: res.outcome,
        actionId: res.actionId,
        reason: res.reason,
        meterKey: d.meterKey,
        sourceRef: d.sourceRef,
      };
      state.drafts.push(draft);
      return draft;
    },
    skip: (d) => {
      const draft: DraftRecord = { ...d, outcome: 'skipped' };
      state.drafts.push(draft);
      return draft;
    },
  });
  const close = () =>
    closeDecision(tx, runId, {
      outcome: state.outcome ?? countOutcome(state.drafts),
      reasoning: state.reasoning.join('\n'),
      evidence: state.evidence,
      toolCalls: state.toolCalls,
      drafts: state.drafts,
      outputs: state.outputs,
    });
  return { decision, close };
}

async function alreadyDecided(agentId: string, trigger: string, sourceRef: string): Promise<boolean> {
  const where = { agentId, status: 'succeeded' as const, sourceRef, trigger: { path: ['type'], equals: trigger } };
  return (await getDb().agentRun.count({ where })) > 0;
}

function createContext(agent: AgentDefinition, input: AgentInput, jobId: string, customerId: string | null) {
  const startedAt = clock.now();
  const trigger = { type: input.trigger, ref: input.sourceRef ?? `jobs:${jobId}` };
  const ctx: AgentContext = {
    agent: { id: agent.id, version: agent.version },
    input,
    trigger,
    now: input.asOf ? new Date(input.asOf) : startedAt,
    startedAt,
    customerId,
    decide: async (tx: Tx, header: DecisionHeader, fn) => {
      const runId = await openDecision(tx, { ...header, agent: ctx.agent, trigger, startedAt });
      const scope = decisionScope(ctx, tx, runId);
      const model = header.model ? [header.model.provider, header.model.id].filter(Boolean).join('/') : null;
      const out = await fn(scope.decision(header.customerId, model));
      await scope.close();
      return out;
    },
    alreadyDecided: (sourceRef: string) => alreadyDecided(agent.id, input.trigger, sourceRef),
  };
  return ctx;
}

/**
 * A context for an agent's decisions inside a caller's transaction, for code that runs an agent's
 * rules outside a job (the demo seed runs billing-ops on the world it writes, in its transaction).
 */
export function agentContextFor(agent: AgentDefinition, input: unknown, ref: string): AgentContext {
  return createContext(agent, agentInput.parse(input), ref, null);
}

async function runOnce(agent: AgentDefinition, input: AgentInput, jobId: string, customerId: string | null) {
  const ctx = createContext(agent, input, jobId, customerId);
  try {
    await agent.run(ctx);
  } catch (err) {
    if (err instanceof TriggerNotReadyError || recorded.has(err as object)) throw err;
    console.error(`[${agent.id}]${customerId ? ` ${customerId}:` : ''}`, err instanceof Error ? err.message : err);
    await getDb()
      .$transaction((tx) =>
        recordFailedDecision(
          tx,
          {
            agent: ctx.agent,
            customerId,
            trigger: ctx.trigger,
            sourceRef: input.sourceRef ?? null,
            inputs: { ...input, asOf: ctx.now.toISOString() },
            startedAt: ctx.startedAt,
          },
          err,
        ),
      )
      .catch(() => {});
    throw err;
  }
}

// Runs an agent for one job: waits for the triggering webhook event to commit, skips a trigger
// already decided (pg-boss may deliver a job twice), then runs once — or, for per-customer agents,
// once per customer: each decides on its own, a failing one gets a failed decision record and does
// not stop the others, and the run then throws so the job retries (safe: decisions are idempotent).
export async function runAgent(agent: AgentDefinition, payload: unknown, meta: { jobId: string }): Promise<void> {
  const input = agentInput.parse(payload);
  await awaitTriggeringEvent(input.sourceRef);
  if (input.sourceRef && (await alreadyDecided(agent.id, input.trigger, input.sourceRef))) return;
  if (!agent.customers) return runOnce(agent, input, meta.jobId, null);
  const now = input.asOf ? new Date(input.asOf) : clock.now();
  const ids = input.customerIds ?? (await agent.customers(now));
  const errors: string[] = [];
  for (const id of ids) {
    try {
      await runOnce(agent, input, meta.jobId, id);
    } catch (err) {
      errors.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (errors.length)
    throw new Error(
      `${agent.id} failed for ${errors.length} of ${ids.length} customer(s): ${errors.slice(0, 3).join('; ')}`,
    );
}
