import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-payloads';
import { ACTION_PAYLOADS } from '@/lib/schemas/action-payloads';

export interface ActionMoney {
  amountMinor: number | null;
  currency: string | null;
}

// The money at stake in a payload, in minor units — what caps and dual approval compare
// against: a credit's amount, a plan change's monthly price difference, a retried invoice's
// amount due. Kinds that move no money have none.
export async function computeActionAmount(tx: Tx, kind: ActionKind, raw: unknown): Promise<ActionMoney> {
  switch (kind) {
    case 'credit': {
      const p = ACTION_PAYLOADS.credit.parse(raw);
      return { amountMinor: p.amountMinor, currency: p.currency };
    }
    case 'plan_change': {
      const p = ACTION_PAYLOADS.plan_change.parse(raw);
      const plans = await tx.plan.findMany({
        where: { key: { in: [p.fromPlanKey, p.toPlanKey] } },
        select: { key: true, basePriceMinor: true, currency: true },
      });
      const from = plans.find((x) => x.key === p.fromPlanKey);
      const to = plans.find((x) => x.key === p.toPlanKey);
      if (!from || !to) return { amountMinor: null, currency: null };
      return { amountMinor: Math.abs(to.basePriceMinor - from.basePriceMinor), currency: to.currency };
    }
    case 'dunning_step': {
      const p = ACTION_PAYLOADS.dunning_step.parse(raw);
      if (p.step !== 'retry_now') return { amountMinor: null, currency: null };
      const inv = await tx.invoice.findUnique({
        where: { id: p.invoiceId },
        select: { amountRemaining: true, currency: true },
      });
      return { amountMinor: inv?.amountRemaining ?? null, currency: inv?.currency ?? null };
    }
    default:
      return { amountMinor: null, currency: null };
  }
}
