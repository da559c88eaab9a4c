import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-payloads';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { USAGE_ANALYST_ACTOR, USAGE_ANALYST_MODEL } from './usage-analyst-identity';

/** One line of AgentRun.outputs.drafts: what the agent asked for and what policy made of it. */
export interface DraftRecord {
  kind: ActionKind;
  outcome: 'drafted' | 'auto_approved' | 'observed' | 'suppressed' | 'skipped';
  actionId: string | null;
  reason: string;
  meterKey?: string;
  sourceRef?: string;
}

export interface DraftContext {
  tx: Tx;
  runId: string;
  customerId: string;
  /** The time the run analyses "as of": proration and periods are computed against it, not the wall clock. */
  asOf: Date;
}

// Every draft goes through proposeAction, so the kind's policy (off / observe / assist /
// autopilot, caps, review window) applies exactly as it does to a person's draft.
export async function proposeDraft(
  ctx: DraftContext,
  d: { kind: ActionKind; title: string; payload: unknown; reasoning: string; sourceRef: string; meterKey?: string },
): Promise<DraftRecord> {
  const res = await proposeAction(ctx.tx, {
    kind: d.kind,
    customerId: ctx.customerId,
    title: d.title,
    payload: d.payload,
    actor: USAGE_ANALYST_ACTOR,
    agentRunId: ctx.runId,
    sourceRef: d.sourceRef,
    model: USAGE_ANALYST_MODEL,
    reasoning: d.reasoning,
  });
  return {
    kind: d.kind,
    outcome: res.outcome,
    actionId: res.actionId,
    reason: res.reason,
    meterKey: d.meterKey,
    sourceRef: d.sourceRef,
  };
}
