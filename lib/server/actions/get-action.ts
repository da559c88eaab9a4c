import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { ActionDetail } from '@/lib/schemas/actions';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { approvalRequirements } from './approval-requirements';
import { describeAction } from './describe-action';

const iso = (d: Date | null) => d?.toISOString() ?? null;

// Everything a reviewer needs on one action: every revision, every decision, the typed
// before/after, the agent's reasoning and the evidence it saw, and what this user may do.
export async function getAction(viewer: SessionUser, id: string): Promise<ActionDetail> {
  const db = getDb();
  const a = await db.action.findUnique({
    where: { id },
    include: {
      customer: { select: { id: true, name: true } },
      revisions: { orderBy: { revision: 'asc' }, include: { editedBy: { select: { id: true, name: true } } } },
      approvals: { orderBy: { createdAt: 'asc' }, include: { user: { select: { id: true, name: true } } } },
      agentRun: true,
      outbox: { select: { channel: true, status: true, attempts: true, lastError: true, destination: true } },
    },
  });
  if (!a) throw notFound('Action');
  const policy = await getPolicy(db, a.kind);
  const current = a.revisions.at(-1)!;
  const rule = await approvalRequirements(db, { ...a, payload: current.payload }, policy);
  const isApprover = policy.approverRoles.includes(viewer.role);
  const pending = a.status === 'pending_approval';
  const run = a.agentRun;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    title: a.title,
    customer: a.customer,
    agentId: run?.agentId ?? null,
    amountMinor: a.amountMinor,
    currency: a.currency,
    currentRevision: a.currentRevision,
    reviewDeadline: iso(a.reviewDeadline),
    createdAt: a.createdAt.toISOString(),
    executedAt: iso(a.executedAt),
    autoApproved: a.autoApproved,
    executionKey: a.executionKey,
    result: a.result,
    error: a.error,
    description: await describeAction(db, a.kind, current.payload, a.customerId),
    revisions: a.revisions.map((r) => ({
      revision: r.revision,
      payload: r.payload,
      editedBy: r.editedBy,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    })),
    approvals: a.approvals.map((x) => ({
      revision: x.revision,
      user: x.user,
      decision: x.decision,
      reason: x.reason,
      createdAt: x.createdAt.toISOString(),
    })),
    policy: {
      mode: policy.mode,
      approverRoles: policy.approverRoles,
      dualApproval: rule.dual,
      approvalsNeeded: rule.approvalsNeeded,
      canDecide:
        isApprover &&
        pending &&
        !rule.isBarredMaker(viewer.id) &&
        !a.approvals.some((x) => x.revision === a.currentRevision && x.user.id === viewer.id),
      canEdit: isApprover && pending,
      maxAmountPerAction: policy.maxAmountPerAction,
      dualApprovalAbove: policy.dualApprovalAbove,
    },
    agentRun: run
      ? {
          id: run.id,
          agentId: run.agentId,
          agentVersion: run.agentVersion,
          reasoning: run.reasoning,
          inputs: run.inputs,
          outputs: run.outputs,
          trigger: run.trigger,
          sourceRef: run.sourceRef,
          modelProvider: run.modelProvider,
          modelId: run.modelId,
          promptVersion: run.promptVersion,
          startedAt: run.startedAt.toISOString(),
        }
      : null,
    outbox: a.outbox,
  };
}
