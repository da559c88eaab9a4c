import type { Tx } from '@/lib/db';
import { movesMoney, type ActionKind } from '@/lib/schemas/action-kinds';
import type { ActionMoney } from '@/lib/server/actions/kinds';
import type { WorkflowRow } from './ensure-workflow';

export interface WorkflowCaps {
  maxCountPerCustomerDay: number | null;
  maxCountPerCustomerMonth: number | null;
  maxAmountPerCustomerDay: number | null;
  dailyCeilingCount: number | null;
  dailyCeilingAmount: number | null;
}

// Every autopilot workflow has caps even when nobody set one: a workflow's own value, else the
// default of its kind's risk class. Messages are counted (a customer gets at most so many a day
// and a month); money is counted too, and its amounts are capped by the kind policy's per-action
// and monthly caps plus the workflow's own daily amounts.
export const DEFAULT_CAPS: Record<'message' | 'money', WorkflowCaps> = {
  message: {
    maxCountPerCustomerDay: 2,
    maxCountPerCustomerMonth: 10,
    maxAmountPerCustomerDay: null,
    dailyCeilingCount: 200,
    dailyCeilingAmount: null,
  },
  money: {
    maxCountPerCustomerDay: 1,
    maxCountPerCustomerMonth: 4,
    maxAmountPerCustomerDay: null,
    dailyCeilingCount: 25,
    dailyCeilingAmount: null,
  },
};

export function effectiveCaps(wf: WorkflowRow): WorkflowCaps {
  const d = DEFAULT_CAPS[movesMoney(wf.actionKind) ? 'money' : 'message'];
  return {
    maxCountPerCustomerDay: wf.maxCountPerCustomerDay ?? d.maxCountPerCustomerDay,
    maxCountPerCustomerMonth: wf.maxCountPerCustomerMonth ?? d.maxCountPerCustomerMonth,
    maxAmountPerCustomerDay: wf.maxAmountPerCustomerDay ?? d.maxAmountPerCustomerDay,
    dailyCeilingCount: wf.dailyCeilingCount ?? d.dailyCeilingCount,
    dailyCeilingAmount: wf.dailyCeilingAmount ?? d.dailyCeilingAmount,
  };
}

// Lock space of the per-workflow cap lock. Taken before the kind's (customer, kind) lock in
// checkAutopilot, always in that order, so the two never deadlock each other.
const WORKFLOW_CAP_LOCK_SPACE = 7_311_302;
const COUNTED = ['approved', 'executing', 'executed', 'unknown'] as const;

/** Takes the workflow's cap lock: every autopilot proposal of the workflow then sees the ones committed before it. */
export async function lockWorkflowCaps(tx: Tx, wf: WorkflowRow): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WORKFLOW_CAP_LOCK_SPACE}::int4, hashtext(${wf.id}))`;
}

// Reads what the workflow already let through today and this month (UTC, application clock),
// under the lock taken by lockWorkflowCaps, and says which cap the new action would pass.
export async function checkWorkflowCaps(
  tx: Tx,
  wf: WorkflowRow,
  kind: ActionKind,
  customerId: string | null,
  money: ActionMoney,
  now: Date,
): Promise<{ ok: boolean; reason: string }> {
  const caps = effectiveCaps(wf);
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const amount = money.amountMinor ?? 0;
  const mine = { aiAgentId: wf.agentId, kind, status: { in: [...COUNTED] } };
  // No upper bound at `now`: a proposal that read the clock after this one but took the lock
  // first is stamped later than `now`, and it counts (caps-race.test.ts found that gap).
  const today = await tx.action.aggregate({
    _count: { _all: true },
    _sum: { amountMinor: true },
    where: { ...mine, createdAt: { gte: dayStart } },
  });
  if (caps.dailyCeilingCount !== null && today._count._all + 1 > caps.dailyCeilingCount)
    return { ok: false, reason: `the workflow's daily ceiling of ${caps.dailyCeilingCount} actions is reached` };
  if (caps.dailyCeilingAmount !== null && (today._sum.amountMinor ?? 0) + amount > caps.dailyCeilingAmount)
    return {
      ok: false,
      reason: `the workflow's daily ceiling of ${caps.dailyCeilingAmount} (minor units) would be passed`,
    };
  const perCustomer = [caps.maxCountPerCustomerDay, caps.maxCountPerCustomerMonth, caps.maxAmountPerCustomerDay];
  if (perCustomer.every((c) => c === null)) return { ok: true, reason: 'under every workflow cap' };
  if (!customerId) return { ok: false, reason: 'per-customer caps need the action to name its customer' };
  const [day, month] = await Promise.all(
    [dayStart, monthStart].map((from) =>
      tx.action.aggregate({
        _count: { _all: true },
        _sum: { amountMinor: true },
        where: { ...mine, customerId, createdAt: { gte: from } },
      }),
    ),
  );
  if (caps.maxCountPerCustomerDay !== null && day!._count._all + 1 > caps.maxCountPerCustomerDay)
    return {
      ok: false,
      reason: `this customer already had ${day!._count._all} ${kind} today (cap ${caps.maxCountPerCustomerDay})`,
    };
  if (caps.maxCountPerCustomerMonth !== null && month!._count._all + 1 > caps.maxCountPerCustomerMonth)
    return {
      ok: false,
      reason: `this customer already had ${month!._count._all} ${kind} this month (cap ${caps.maxCountPerCustomerMonth})`,
    };
  if (caps.maxAmountPerCustomerDay !== null && (day!._sum.amountMinor ?? 0) + amount > caps.maxAmountPerCustomerDay)
    return { ok: false, reason: `this customer's ${kind} total today would pass ${caps.maxAmountPerCustomerDay}` };
  return { ok: true, reason: 'under every workflow cap' };
}
