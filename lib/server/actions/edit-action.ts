import { getDb } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { parseActionPayload } from '@/lib/schemas/action-kinds';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { kindDefinition } from './kinds';
import { lockAction } from './lock-action';

export interface EditActionInput {
  expectedRevision: number;
  payload: unknown;
  title?: string;
  note?: string;
}

// Editing a pending action never changes what was proposed: it adds a revision. Approvals name a
// revision, so an approval of the old one can no longer apply.
export async function editAction(actor: SessionUser, id: string, input: EditActionInput, requestId: string) {
  return getDb().$transaction(async (tx) => {
    const action = await lockAction(tx, id);
    const policy = await getPolicy(tx, action.kind);
    if (!policy.approverRoles.includes(actor.role))
      throw new ApiError(
        403,
        'not_an_approver',
        `Only ${policy.approverRoles.join(' or ')} may edit ${action.kind} actions`,
      );
    if (action.status !== 'pending_approval')
      throw conflict('not_editable', `The action is ${action.status}; only pending actions can be edited`);
    if (action.currentRevision !== input.expectedRevision) {
      throw conflict(
        'revision_changed',
        `The action is at revision ${action.currentRevision}, not ${input.expectedRevision}: reload to see the latest`,
      );
    }
    const payload = parseActionPayload(action.kind, input.payload);
    const definition = kindDefinition(action.kind);
    await definition.checkAgainstStoredState?.(tx, payload, action.customerId);
    const { uncertain, ...money } = await definition.amountAtStake(tx, payload, action.customerId);
    const revision = action.currentRevision + 1;
    await tx.actionRevision.create({
      data: { actionId: id, revision, payload: payload as object, editedById: actor.id, note: input.note ?? null },
    });
    await tx.action.update({
      where: { id },
      data: {
        currentRevision: revision,
        title: input.title ?? action.title,
        amountMinor: money.amountMinor,
        currency: money.currency,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'action.edited',
      target: { type: 'action', id },
      customerId: action.customerId,
      requestId,
      before: {
        revision: action.currentRevision,
        payload: action.revisions[0]?.payload,
        amountMinor: action.amountMinor,
      },
      after: { revision, payload, amountMinor: money.amountMinor, amountUncertain: uncertain ?? null },
      data: { note: input.note ?? null },
    });
    return { id, revision };
  });
}
