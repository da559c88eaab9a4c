import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { notFound } from '@/lib/errors';
import type { UpdateWorkflowCapsInput } from '@/lib/schemas/workflows';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { effectiveCaps } from './workflow-caps';

// Admins set a workflow's own autopilot caps (null: back to its kind class's default). Audited.
export async function updateWorkflowCaps(
  actor: SessionUser,
  id: string,
  input: UpdateWorkflowCapsInput,
  requestId: string,
) {
  return getDb().$transaction(async (tx) => {
    const wf = await tx.agentWorkflow.findUnique({ where: { id } });
    if (!wf) throw notFound('Workflow');
    const updated = await tx.agentWorkflow.update({ where: { id }, data: input });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'workflow.caps_updated',
      target: { type: 'workflow', id },
      requestId,
      aiAgentId: wf.agentId,
      before: effectiveCaps(wf),
      after: effectiveCaps(updated),
    });
    return { id, caps: effectiveCaps(updated) };
  });
}
