import { getDb } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { lockAction } from './lock-action';

// Withdraws a pending action (e.g. the situation resolved itself) without judging it.
export async function cancelAction(actor: SessionUser, id: string, reason: string | undefined, requestId: string) {
  return getDb().$transaction(async (tx) => {
    const action = await lockAction(tx, id);
    const policy = await getPolicy(tx, action.kind);
    if (!policy.approverRoles.includes(actor.role))
      throw new ApiError(
        403,
        'not_an_approver',
        `Only ${policy.approverRoles.join(' or ')} may cancel ${action.kind} actions`,
      );
    if (action.status !== 'pending_approval' && action.status !== 'proposed')
      throw conflict('not_pending', `The action is already ${action.status}`);
    await tx.action.update({ where: { id }, data: { status: 'cancelled' } });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'action.cancelled',
      target: { type: 'action', id },
      customerId: action.customerId,
      requestId,
      data: { reason: reason ?? null },
    });
    return { id, status: 'cancelled' };
  });
}
