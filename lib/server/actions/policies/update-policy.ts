import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError } from '@/lib/errors';
import { movesMoney, type ActionKind } from '@/lib/schemas/action-kinds';
import type { UpdatePolicyInput } from '@/lib/schemas/policies';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { SELF_APPROVAL_SETTING } from '@/lib/server/actions/approval-requirements';
import { DEFAULT_POLICY, getPolicy } from './get-policy';
import { listPolicies } from './list-policies';

// Admins change how far agents may go. The server is the only enforcer: this row is what
// proposeAction and decideAction read, inside their own transactions.
export async function updatePolicy(actor: SessionUser, kind: ActionKind, input: UpdatePolicyInput, requestId: string) {
  if (movesMoney(kind) && input.settings?.[SELF_APPROVAL_SETTING] === 'allowed')
    throw new ApiError(422, 'self_approval_not_allowed', `${kind} moves money: its author can never approve it alone`);
  await getDb().$transaction(async (tx) => {
    const before = await getPolicy(tx, kind);
    const data = { ...input, settings: input.settings as object | undefined, updatedById: actor.id };
    await tx.policy.upsert({
      where: { actionKind: kind },
      update: data,
      create: { actionKind: kind, ...DEFAULT_POLICY, ...data, settings: (input.settings ?? {}) as object },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'policy.updated',
      target: { type: 'policy', id: kind },
      requestId,
      before,
      after: await getPolicy(tx, kind),
    });
  });
  return (await listPolicies()).find((p) => p.actionKind === kind)!;
}
