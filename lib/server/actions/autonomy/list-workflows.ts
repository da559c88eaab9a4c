import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { resolveAgentScope } from '@/lib/server/agent-scopes/agent-scope';
import { effectiveCaps } from './workflow-caps';
import { computeWorkflowMetrics } from './workflow-metrics';

// The policy screen's workflows: each agent × kind with its phase, since when, the evidence
// (acceptance metrics, the promotion verdict), its caps, its recent phase history and any
// override waiting for a second admin.
export async function listWorkflows() {
  const db = getDb();
  const now = clock.now();
  const { agentTitles } = await import('@/lib/server/agents/registry');
  const titles = agentTitles();
  const rows = await db.agentWorkflow.findMany({
    orderBy: [{ agentId: 'asc' }, { actionKind: 'asc' }],
    include: {
      phaseChanges: { orderBy: { effectiveAt: 'desc' }, take: 8 },
      overrideRequests: { where: { status: 'pending' }, take: 1 },
    },
  });
  const items = [];
  for (const wf of rows) {
    const scope = resolveAgentScope(wf.agentId);
    items.push({
      id: wf.id,
      agentId: wf.agentId,
      agentTitle: titles[wf.agentId] ?? wf.agentId,
      actionKind: wf.actionKind,
      phase: wf.phase,
      phaseSince: wf.phaseSince.toISOString(),
      scope:
        scope.status === 'scoped'
          ? { status: scope.status, actionKinds: [...scope.scope.actionKinds], endpoints: [...scope.scope.endpoints] }
          : { status: scope.status, actionKinds: [], endpoints: [] },
      caps: effectiveCaps(wf),
      metrics: await computeWorkflowMetrics(db, wf, now),
      history: wf.phaseChanges.map((c) => ({
        fromPhase: c.fromPhase,
        toPhase: c.toPhase,
        effectiveAt: c.effectiveAt.toISOString(),
        cause: c.cause,
        actorId: c.actorId,
        reason: c.reason,
        approvedById: c.approvedById,
      })),
      pendingOverride: wf.overrideRequests[0]
        ? {
            id: wf.overrideRequests[0].id,
            requestedById: wf.overrideRequests[0].requestedById,
            reason: wf.overrideRequests[0].reason,
            createdAt: wf.overrideRequests[0].createdAt.toISOString(),
          }
        : null,
    });
  }
  return { items };
}
