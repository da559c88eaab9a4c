import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError, notFound } from '@/lib/errors';
import { clock } from '@/lib/clock';
import { changeWorkflowPhase, type WorkflowPhase } from './change-workflow-phase';
import { computeWorkflowMetrics } from './workflow-metrics';

// An admin moves a workflow. Back to assist (or observe) is instant and always allowed: the
// "back to assist" button. Into autopilot only when the promotion criteria hold now — the 90-day
// rule among them; otherwise the answer names what is missing and points to the dual-controlled
// override (request-autopilot-override.ts).
export async function setWorkflowPhase(
  actor: SessionUser,
  id: string,
  input: { phase: WorkflowPhase; reason?: string },
  requestId: string,
) {
  return getDb().$transaction(async (tx) => {
    const wf = await tx.agentWorkflow.findUnique({ where: { id } });
    if (!wf) throw notFound('Workflow');
    const now = clock.now();
    const metrics = await computeWorkflowMetrics(tx, wf, now);
    if (input.phase === 'autopilot' && wf.phase !== 'autopilot') {
      if (wf.phase !== 'assist')
        throw new ApiError(409, 'not_in_assist', 'A workflow enters autopilot from assist only');
      if (!metrics.promotion.eligible) {
        const missing = metrics.promotion.checks.filter((c) => !c.ok);
        throw new ApiError(
          409,
          'criteria_not_met',
          `Not eligible for autopilot: ${missing.map((c) => `${c.label} (now ${c.actual})`).join('; ')}. An admin may request an override with a written reason, which a second admin must approve.`,
        );
      }
    }
    const { workflow } = await changeWorkflowPhase(tx, id, {
      to: input.phase,
      cause: input.phase === 'autopilot' ? 'promotion' : 'manual',
      actor: { type: 'user', id: actor.id },
      reason: input.reason ?? null,
      evidence: { promotion: metrics.promotion, drafts: metrics.drafts, reversals: metrics.reversals },
      requestId,
      now,
    });
    return { id, phase: workflow.phase, phaseSince: workflow.phaseSince.toISOString() };
  });
}
