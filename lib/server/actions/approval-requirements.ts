import type { Tx } from '@/lib/db';
import { movesMoney, parseActionPayload, type ActionKind } from '@/lib/schemas/action-kinds';
import type { EffectivePolicy } from '@/lib/server/actions/policies/get-policy';
import { kindDefinition } from './kinds';

// Maker–checker: whoever drafted or edited an action does not approve it. Always for kinds that
// move money, at any amount; a low-risk kind's policy may allow self-approval with the setting
// `selfApproval: "allowed"` (ignored, and refused by updatePolicy, for kinds that move money).
export const SELF_APPROVAL_SETTING = 'selfApproval';

export function makerCheckerApplies(kind: ActionKind, policy: Pick<EffectivePolicy, 'settings'>): boolean {
  return movesMoney(kind) || policy.settings[SELF_APPROVAL_SETTING] !== 'allowed';
}

export interface ApprovalRequirements {
  dual: boolean;
  approvalsNeeded: 1 | 2;
  /** Whether this person drafted or edited the action and so may not approve it. */
  isBarredMaker(userId: string): boolean;
}

// What approving the current revision takes, read from stored state: two approvers above the
// dual threshold or when the amount at stake cannot be computed (the amount is recomputed from
// the database, not taken from the draft), and never the action's own makers. The same rule
// serves the decision (decideAction) and what the reviewer is shown (getAction).
export async function approvalRequirements(
  tx: Tx,
  action: { id: string; kind: ActionKind; customerId: string | null; payload: unknown },
  policy: EffectivePolicy,
): Promise<ApprovalRequirements> {
  const payload = parseActionPayload(action.kind, action.payload);
  const money = await kindDefinition(action.kind).amountAtStake(tx, payload, action.customerId);
  const dual =
    Boolean(money.uncertain) ||
    (policy.dualApprovalAbove !== null && (money.amountMinor ?? 0) > policy.dualApprovalAbove);
  const makers = await tx.actionRevision.findMany({
    where: { actionId: action.id, editedById: { not: null } },
    select: { editedById: true },
  });
  const checked = dual || makerCheckerApplies(action.kind, policy);
  return {
    dual,
    approvalsNeeded: dual ? 2 : 1,
    isBarredMaker: (userId) => checked && makers.some((m) => m.editedById === userId),
  };
}
