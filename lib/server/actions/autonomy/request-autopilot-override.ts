import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError, conflict, notFound } from '@/lib/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';
import { computeWorkflowMetrics } from './workflow-metrics';

// The only way into autopilot without the criteria: an admin writes why, and a second admin
// approves (decide-autopilot-override.ts). The request and the evidence it overrides are audited.
export async function requestAutopilotOverride(actor: SessionUser, id: string, reason: string, requestId: string) {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM agent_workflows WHERE id = ${id} FOR UPDATE`;
    const wf = await tx.agentWorkflow.findUnique({ where: { id } });
    if (!wf) throw notFound('Workflow');
    if (wf.phase !== 'assist')
      throw new ApiError(409, 'not_in_assist', 'An override moves a workflow from assist to autopilot');
    if (await tx.workflowOverrideRequest.findFirst({ where: { workflowId: id, status: 'pending' } }))
      throw conflict('override_pending', 'An override request for this workflow is already waiting for a second admin');
    const now = clock.now();
    const metrics = await computeWorkflowMetrics(tx, wf, now);
    const request = await tx.workflowOverrideRequest.create({
      data: { workflowId: id, requestedById: actor.id, reason, createdAt: now },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'workflow.override_requested',
      target: { type: 'workflow', id },
      requestId,
      aiAgentId: wf.agentId,
      data: { requestId: request.id, promotion: metrics.promotion },
      reasoning: reason,
    });
    return { id: request.id, status: request.status };
  });
}
