import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';

export type WorkflowPhase = 'observe' | 'assist' | 'autopilot';
export type PhaseCause =
  | 'first_proposal'
  | 'promotion'
  | 'override'
  | 'manual'
  | 'demotion_reversal'
  | 'demotion_rejections'
  | 'demotion_anomaly';

export interface PhaseChangeInput {
  to: WorkflowPhase;
  cause: PhaseCause;
  actor: Actor;
  reason?: string | null;
  evidence?: unknown;
  approvedById?: string | null;
  requestId?: string | null;
  now: Date;
}

// Every phase change of a workflow: the row's current phase, a history entry with its effective
// date and the evidence it rested on, and the audit event — in the caller's transaction. The
// workflow row is locked first, so two changes (a demotion racing a promotion) apply in turn and
// the history never records a move from a phase the workflow was no longer in.
export async function changeWorkflowPhase(tx: Tx, workflowId: string, input: PhaseChangeInput) {
  await tx.$queryRaw`SELECT id FROM agent_workflows WHERE id = ${workflowId} FOR UPDATE`;
  const wf = await tx.agentWorkflow.findUniqueOrThrow({ where: { id: workflowId } });
  if (wf.phase === input.to) return { changed: false as const, workflow: wf };
  const evidence = (input.evidence ?? {}) as Prisma.InputJsonValue;
  const updated = await tx.agentWorkflow.update({
    where: { id: workflowId },
    data: { phase: input.to, phaseSince: input.now },
  });
  await tx.workflowPhaseChange.create({
    data: {
      workflowId,
      fromPhase: wf.phase,
      toPhase: input.to,
      effectiveAt: input.now,
      cause: input.cause,
      actorType: input.actor.type,
      actorId: input.actor.type === 'system' ? (input.actor.id ?? 'system') : input.actor.id,
      reason: input.reason ?? null,
      evidence,
      approvedById: input.approvedById ?? null,
    },
  });
  await appendAuditEvent(tx, {
    actor: input.actor,
    action: 'workflow.phase_changed',
    target: { type: 'workflow', id: workflowId },
    requestId: input.requestId,
    aiAgentId: wf.agentId,
    before: { phase: wf.phase, since: wf.phaseSince },
    after: { phase: input.to, since: input.now },
    data: {
      agentId: wf.agentId,
      actionKind: wf.actionKind,
      cause: input.cause,
      approvedById: input.approvedById ?? null,
    },
    reasoning: input.reason ?? null,
  });
  return { changed: true as const, workflow: updated };
}
