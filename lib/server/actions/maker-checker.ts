import { movesMoney, type ActionKind } from '@/lib/schemas/action-kinds';
import type { EffectivePolicy } from '@/lib/server/policies/get-policy';

// Maker–checker: whoever drafted or edited an action does not approve it alone. Always for kinds
// that move money, at any amount; a low-risk kind's policy may allow self-approval with the
// setting `selfApproval: "allowed"` (ignored for kinds that move money).
export const SELF_APPROVAL_SETTING = 'selfApproval';

export function makerCheckerApplies(kind: ActionKind, policy: Pick<EffectivePolicy, 'settings'>): boolean {
  return movesMoney(kind) || policy.settings[SELF_APPROVAL_SETTING] !== 'allowed';
}
