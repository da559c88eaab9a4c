import type { Tx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { changeWorkflowPhase } from './change-workflow-phase';

const DAY = 86_400_000;

// Breaches that take a workflow out of autopilot at once: a reversal of one of its executed
// actions, or a spike of rejections (of the drafts it still sends for approval above its caps)
// within seven days. (An outlying amount is caught at proposal time, check-workflow-autopilot.)
export async function demoteOnBreach(
  tx: Tx,
  action: { aiAgentId: string | null; kind: string; id: string },
  breach: 'reversal' | 'rejection',
  now: Date,
  requestId?: string | null,
): Promise<boolean> {
  if (!action.aiAgentId) return false;
  const wf = await tx.agentWorkflow.findFirst({
    where: { agentId: action.aiAgentId, actionKind: action.kind as never },
  });
  if (!wf || wf.phase !== 'autopilot') return false;
  let evidence: Record<string, unknown> = { actionId: action.id };
  if (breach === 'rejection') {
    const { AUTONOMY_REJECTION_SPIKE_COUNT: minCount, AUTONOMY_REJECTION_SPIKE_PERCENT: minPct } = getEnv();
    const decisions = await tx.actionApproval.groupBy({
      by: ['decision'],
      _count: { _all: true },
      where: {
        createdAt: { gte: new Date(now.getTime() - 7 * DAY) },
        action: { aiAgentId: wf.agentId, kind: wf.actionKind },
      },
    });
    const rejected = decisions.find((d) => d.decision === 'rejected')?._count._all ?? 0;
    const total = decisions.reduce((s, d) => s + d._count._all, 0);
    if (rejected < minCount || (100 * rejected) / total < minPct) return false;
    evidence = { ...evidence, rejected, decisions: total, minCount, minPercent: minPct };
  }
  await changeWorkflowPhase(tx, wf.id, {
    to: 'assist',
    cause: breach === 'reversal' ? 'demotion_reversal' : 'demotion_rejections',
    actor: { type: 'system', id: 'autonomy' },
    reason:
      breach === 'reversal'
        ? `an executed action (${action.id}) was reversed`
        : `${evidence.rejected} of ${evidence.decisions} decisions in 7 days were rejections`,
    evidence,
    requestId,
    now,
  });
  return true;
}
