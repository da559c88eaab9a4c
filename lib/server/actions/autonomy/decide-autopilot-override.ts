import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError, conflict, notFound } from '@/lib/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';
import { changeWorkflowPhase } from './change-workflow-phase';
import { computeWorkflowMetrics } from './workflow-metrics';

// Dual control: a second admin — never the one who asked — approves or rejects an override
// request. Approval moves the workflow into autopilot with the request's reason on the history.
export async function decideAutopilotOverride(
  actor: SessionUser,
  requestIdParam: string,
  input: { decision: 'approved' | 'rejected'; note?: string },
  requestId: string,
) {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM workflow_override_requests WHERE id = ${requestIdParam} FOR UPDATE`;
    const req = await tx.workflowOverrideRequest.findUnique({
      where: { id: requestIdParam },
      include: { workflow: true },
    });
    if (!req) throw notFound('Override request');
    if (req.status !== 'pending') throw conflict('not_pending', `The override request is already ${req.status}`);
    if (req.requestedById === actor.id)
      throw new ApiError(403, 'dual_control', 'A second admin must decide an override you requested');
    const now = clock.now();
    await tx.workflowOverrideRequest.update({
      where: { id: req.id },
      data: { status: input.decision, decidedById: actor.id, decidedAt: now, decisionNote: input.note ?? null },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: input.decision === 'approved' ? 'workflow.override_approved' : 'workflow.override_rejected',
      target: { type: 'workflow', id: req.workflowId },
      requestId,
      aiAgentId: req.workflow.agentId,
      data: { overrideRequestId: req.id, requestedById: req.requestedById, note: input.note ?? null },
    });
    if (input.decision === 'approved') {
      const metrics = await computeWorkflowMetrics(tx, req.workflow, now);
      await changeWorkflowPhase(tx, req.workflowId, {
        to: 'autopilot',
        cause: 'override',
        actor: { type: 'user', id: req.requestedById },
        approvedById: actor.id,
        reason: req.reason,
        evidence: { promotion: metrics.promotion, overrideRequestId: req.id },
        requestId,
        now,
      });
    }
    return { id: req.id, status: input.decision };
  });
}
