import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

export type WorkflowRow = NonNullable<Awaited<ReturnType<Tx['agentWorkflow']['findUnique']>>>;

// The workflow (agent × kind) an agent's proposal belongs to, created on its first proposal in
// the phase it inherits from the kind's policy — observe, or assist at most: autopilot is earned
// per workflow, never inherited. ON CONFLICT DO NOTHING lets concurrent first proposals agree on
// one row, and only the one that created it writes the first history entry.
export async function ensureWorkflow(
  tx: Tx,
  agentId: string,
  kind: ActionKind,
  inherited: 'observe' | 'assist' | 'autopilot',
  now: Date,
): Promise<WorkflowRow> {
  const phase = inherited === 'observe' ? 'observe' : 'assist';
  const created = await tx.agentWorkflow.createMany({
    data: [{ agentId, actionKind: kind, phase, phaseSince: now, createdAt: now }],
    skipDuplicates: true,
  });
  const wf = await tx.agentWorkflow.findUniqueOrThrow({ where: { agentId_actionKind: { agentId, actionKind: kind } } });
  if (created.count === 1) {
    await tx.workflowPhaseChange.create({
      data: {
        workflowId: wf.id,
        fromPhase: null,
        toPhase: phase,
        effectiveAt: now,
        cause: 'first_proposal',
        actorType: 'system',
        actorId: 'policy',
        reason: `inherited from the ${kind} policy (${inherited})`,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'system', id: 'policy' },
      action: 'workflow.created',
      target: { type: 'workflow', id: wf.id },
      aiAgentId: agentId,
      after: { phase, since: now },
      data: { agentId, actionKind: kind, inherited },
    });
  }
  return wf;
}
