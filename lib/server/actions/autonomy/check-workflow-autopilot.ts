import type { Tx } from '@/lib/db';
import { amountOutlier } from '@/lib/analytics/amount-outlier';
import { movesMoney, type ActionKind } from '@/lib/schemas/action-kinds';
import { checkAutopilot } from '@/lib/server/actions/check-autopilot';
import type { ActionMoney } from '@/lib/server/actions/kinds';
import type { EffectivePolicy } from '@/lib/server/actions/policies/get-policy';
import type { WorkflowRow } from './ensure-workflow';
import { checkWorkflowCaps, effectiveCaps, lockWorkflowCaps } from './workflow-caps';

export interface WorkflowAutopilotVerdict {
  ok: boolean;
  reason: string;
  /** A breach that should take the workflow out of autopilot (an anomalous amount). */
  breach?: { reason: string; evidence: Record<string, unknown> };
}

const HISTORY_DAYS = 90;

// May this agent workflow's action run without a person? Its agent must declare a scope (least
// privilege before autonomy); a money workflow must have some amount cap; then the workflow's own
// caps (under its lock), an amount far outside what it executed before (a breach), and last the
// kind policy's caps (checkAutopilot, under the customer × kind lock). In observe the same
// question is asked to record what autopilot would have done.
export async function checkWorkflowAutopilot(
  tx: Tx,
  wf: WorkflowRow,
  input: { policy: EffectivePolicy; kind: ActionKind; customerId: string | null; money: ActionMoney; scoped: boolean },
  now: Date,
): Promise<WorkflowAutopilotVerdict> {
  const { policy, kind, customerId, money } = input;
  if (!input.scoped)
    return { ok: false, reason: `agent ${wf.agentId} declares no scope, so it may only draft for approval` };
  const caps = effectiveCaps(wf);
  const amountCapped = [
    policy.maxAmountPerAction,
    policy.maxAmountPerCustomerMonth,
    caps.maxAmountPerCustomerDay,
    caps.dailyCeilingAmount,
  ].some((c) => c !== null);
  if (movesMoney(kind) && !amountCapped)
    return { ok: false, reason: `no amount cap is set for ${kind}: money never runs on autopilot uncapped` };
  await lockWorkflowCaps(tx, wf);
  const capped = await checkWorkflowCaps(tx, wf, kind, customerId, money, now);
  if (!capped.ok) return capped;
  if (movesMoney(kind) && money.amountMinor !== null && !money.uncertain) {
    const earlier = await tx.action.findMany({
      where: {
        aiAgentId: wf.agentId,
        kind,
        status: 'executed',
        amountMinor: { not: null },
        executedAt: { gte: new Date(now.getTime() - HISTORY_DAYS * 86_400_000) },
      },
      select: { amountMinor: true },
      orderBy: { executedAt: 'desc' },
      take: 500,
    });
    const verdict = amountOutlier(
      earlier.map((a) => a.amountMinor!),
      money.amountMinor,
    );
    if (verdict.outlier) {
      const reason = `amount ${money.amountMinor} is far above what this workflow executed before (ordinary up to ${verdict.threshold})`;
      return { ok: false, reason, breach: { reason, evidence: { ...verdict, amountMinor: money.amountMinor } } };
    }
  }
  return checkAutopilot(tx, { ...policy, mode: 'autopilot' }, kind, customerId, money, now);
}
