import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import type { EffectivePolicy } from '@/lib/server/actions/policies/get-policy';
import type { ActionMoney } from './kinds';
import { clock } from '@/lib/clock';

// Lock space of the per-(customer, kind) autopilot cap locks (two-key advisory lock form).
const AUTOPILOT_CAP_LOCK_SPACE = 7_311_301;

// May this action run without a person? Only in autopilot mode, and only under every cap: the
// per-action maximum, the customer's monthly total for this kind (approved or executed actions
// this calendar month, UTC, on the application clock), and the dual-approval threshold (which
// always wants people). An amount that could not be computed is never auto-approved.
//
// The monthly total is read and the new action inserted by the caller in one transaction; a
// transaction-scoped advisory lock on (customer, kind) makes concurrent proposals take turns, so
// each one sees the approvals committed before it and the sum never passes the cap.
export async function checkAutopilot(
  tx: Tx,
  policy: EffectivePolicy,
  kind: ActionKind,
  customerId: string | null,
  money: ActionMoney,
  now = clock.now(),
): Promise<{ ok: boolean; reason: string }> {
  if (policy.mode !== 'autopilot') return { ok: false, reason: `policy mode is ${policy.mode}` };
  if (money.uncertain) return { ok: false, reason: `the amount at stake cannot be computed: ${money.uncertain}` };
  const amount = money.amountMinor ?? 0;
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
  if (policy.maxAmountPerCustomerMonth !== null && money.amountMinor !== null) {
    if (!customerId) return { ok: false, reason: 'a monthly cap per customer needs the action to name its customer' };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUTOPILOT_CAP_LOCK_SPACE}::int4, hashtext(${`${customerId}:${kind}`}))`;
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const spent = await tx.action.aggregate({
      _sum: { amountMinor: true },
      where: {
        kind,
        customerId,
        createdAt: { gte: monthStart, lt: nextMonth },
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
