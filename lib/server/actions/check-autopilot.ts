import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-payloads';
import type { EffectivePolicy } from '@/lib/server/policies/get-policy';
import { clock } from '@/lib/clock';

// May this action run without a person? Only in autopilot mode, and only under every cap: the
// per-action maximum, the customer's monthly total for this kind (approved or executed actions
// this calendar month, UTC), and the dual-approval threshold (which always wants people).
export async function checkAutopilot(
  tx: Tx,
  policy: EffectivePolicy,
  kind: ActionKind,
  customerId: string | null,
  amountMinor: number | null,
): Promise<{ ok: boolean; reason: string }> {
  if (policy.mode !== 'autopilot') return { ok: false, reason: `policy mode is ${policy.mode}` };
  const amount = amountMinor ?? 0;
  if (policy.maxAmountPerAction !== null && amount > policy.maxAmountPerAction) {
    return {
      ok: false,
      reason: `amount ${amount} is above the autopilot cap of ${policy.maxAmountPerAction} per action`,
    };
  }
  if (policy.dualApprovalAbove !== null && amount > policy.dualApprovalAbove) {
    return {
      ok: false,
      reason: `amount ${amount} is above the dual-approval threshold of ${policy.dualApprovalAbove}`,
    };
  }
  if (policy.maxAmountPerCustomerMonth !== null && customerId) {
    const now = clock.now();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const spent = await tx.action.aggregate({
      _sum: { amountMinor: true },
      where: {
        kind,
        customerId,
        createdAt: { gte: monthStart },
        status: { in: ['approved', 'executing', 'executed', 'unknown'] },
      },
    });
    const total = (spent._sum.amountMinor ?? 0) + amount;
    if (total > policy.maxAmountPerCustomerMonth) {
      return {
        ok: false,
        reason: `this customer's ${kind} total this month would be ${total}, above the cap of ${policy.maxAmountPerCustomerMonth}`,
      };
    }
  }
  return { ok: true, reason: 'under every autopilot cap' };
}
