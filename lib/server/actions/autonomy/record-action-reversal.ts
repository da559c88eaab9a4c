import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { conflict } from '@/lib/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { lockAction } from '@/lib/server/actions/lock-action';
import { clock } from '@/lib/clock';
import { demoteOnBreach } from './demote-on-breach';

// A person records that an executed action had to be undone (the credit clawed back, the plan
// change reverted, the customer complained about the e-mail). It is the strongest evidence
// against a workflow: it blocks promotion for the reversal window and demotes an autopilot
// workflow to assist in the same transaction.
export async function recordActionReversal(actor: SessionUser, id: string, reason: string, requestId: string) {
  return getDb().$transaction(async (tx) => {
    const action = await lockAction(tx, id);
    if (action.status !== 'executed')
      throw conflict('not_executed', `Only an executed action can be reversed; this one is ${action.status}`);
    if (action.reversedAt) throw conflict('already_reversed', 'This action is already recorded as reversed');
    const now = clock.now();
    await tx.action.update({
      where: { id },
      data: { reversedAt: now, reversedById: actor.id, reversalReason: reason },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'action.reversed',
      target: { type: 'action', id },
      customerId: action.customerId,
      requestId,
      aiAgentId: action.aiAgentId,
      reasoning: reason,
    });
    const demoted = await demoteOnBreach(tx, action, 'reversal', now, requestId);
    return { id, reversedAt: now.toISOString(), workflowDemoted: demoted };
  });
}
