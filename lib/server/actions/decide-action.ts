import { getDb, type Tx } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { parseActionPayload } from '@/lib/schemas/action-kinds';
import { approvalRequirements } from './approval-requirements';
import { executionKeyFor } from './execution-key';
import { kindDefinition } from './kinds';
import { lockAction } from './lock-action';
import { clock } from '@/lib/clock';
import { demoteOnBreach } from '@/lib/server/actions/autonomy/demote-on-breach';

export interface DecideActionInput {
  revision: number;
  decision: 'approved' | 'rejected';
  reason?: string;
}

export type DecideResult = { id: string; status: string; approvalsNeeded: number; approvals: number };

// Approve or reject the named revision of a pending action, enforcing the policy on the server:
// who may decide; maker–checker (whoever drafted or edited an action does not approve it — always
// for kinds that move money); dual approval above the threshold or when the amount at stake cannot
// be computed (two different people); the review window. The amount is recomputed here from
// stored state, not taken from the draft. The row lock makes racing decisions apply one at a
// time; repeating one's own approval of the same revision is a no-op, not a second effect.
export async function decideAction(
  actor: SessionUser,
  id: string,
  input: DecideActionInput,
  requestId: string,
): Promise<DecideResult> {
  return getDb().$transaction((tx) => decideInTx(tx, actor, id, input, requestId));
}

export async function decideInTx(
  tx: Tx,
  actor: SessionUser,
  id: string,
  input: DecideActionInput,
  requestId: string,
): Promise<DecideResult> {
  const action = await lockAction(tx, id);
  const policy = await getPolicy(tx, action.kind);
  const payload = parseActionPayload(action.kind, action.revisions[0]?.payload);
  const rule = await approvalRequirements(tx, { ...action, payload }, policy);
  const needed = rule.approvalsNeeded;
  const mine = action.approvals.find((a) => a.revision === input.revision && a.userId === actor.id);
  const countFor = (rev: number) =>
    action.approvals.filter((a) => a.revision === rev && a.decision === 'approved').length;

  if (mine && mine.decision === input.decision) {
    return { id, status: action.status, approvalsNeeded: needed, approvals: countFor(input.revision) };
  }
  if (!policy.approverRoles.includes(actor.role)) {
    throw new ApiError(
      403,
      'not_an_approver',
      `Only ${policy.approverRoles.join(' or ')} may decide ${action.kind} actions`,
    );
  }
  if (action.status !== 'pending_approval') throw conflict('not_pending', `The action is already ${action.status}`);
  if (action.currentRevision !== input.revision) {
    throw conflict(
      'revision_changed',
      `The action was edited: revision ${action.currentRevision} is current, you reviewed ${input.revision}`,
    );
  }
  if (action.reviewDeadline && action.reviewDeadline < clock.now())
    throw conflict('expired', 'The review window has passed');

  const audit = {
    actor: { type: 'user' as const, id: actor.id },
    target: { type: 'action', id },
    customerId: action.customerId,
    requestId,
  };
  if (input.decision === 'rejected') {
    await tx.actionApproval.create({
      data: { actionId: id, revision: input.revision, userId: actor.id, decision: 'rejected', reason: input.reason },
    });
    await tx.action.update({ where: { id }, data: { status: 'rejected' } });
    await appendAuditEvent(tx, {
      ...audit,
      action: 'action.rejected',
      data: { revision: input.revision, reason: input.reason },
    });
    await demoteOnBreach(tx, action, 'rejection', clock.now(), requestId); // a rejection spike ends autopilot
    return { id, status: 'rejected', approvalsNeeded: needed, approvals: countFor(input.revision) };
  }

  if (rule.isBarredMaker(actor.id)) {
    throw new ApiError(
      403,
      'own_edit',
      'You drafted or edited this action, so someone else must approve it (maker–checker)',
    );
  }
  await kindDefinition(action.kind).checkAgainstStoredState?.(tx, payload, action.customerId);
  await tx.actionApproval.create({
    data: { actionId: id, revision: input.revision, userId: actor.id, decision: 'approved', reason: input.reason },
  });
  const approvals = countFor(input.revision) + 1;
  if (approvals < needed) {
    await appendAuditEvent(tx, {
      ...audit,
      action: 'action.approval_recorded',
      data: { revision: input.revision, approvals, needed },
    });
    return { id, status: 'pending_approval', approvalsNeeded: needed, approvals };
  }
  await tx.action.update({
    where: { id },
    data: {
      status: 'approved',
      executionKey: executionKeyFor(id, input.revision),
      // A scheduled step (a retry at the customer's morning) waits for its time once approved.
      nextAttemptAt: laterOf(clock.now(), kindDefinition(action.kind).notBefore?.(payload) ?? null),
    },
  });
  await appendAuditEvent(tx, {
    ...audit,
    action: 'action.approved',
    data: { revision: input.revision, approvals, needed, executionKey: executionKeyFor(id, input.revision) },
  });
  return { id, status: 'approved', approvalsNeeded: needed, approvals };
}

const laterOf = (a: Date, b: Date | null): Date => (b && b.getTime() > a.getTime() ? b : a);
