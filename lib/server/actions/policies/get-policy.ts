import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-payloads';

export interface EffectivePolicy {
  actionKind: ActionKind;
  mode: 'off' | 'observe' | 'assist' | 'autopilot';
  maxAmountPerAction: number | null;
  maxAmountPerCustomerMonth: number | null;
  dualApprovalAbove: number | null;
  reviewWindowHours: number;
  approverRoles: ('admin' | 'revops' | 'support')[];
  settings: Record<string, unknown>;
}

// A kind nobody configured yet is drafted for approval (assist) with the default 24 h window:
// the safe default for a console whose purpose is keeping people in the loop.
export const DEFAULT_POLICY: Omit<EffectivePolicy, 'actionKind'> = {
  mode: 'assist',
  maxAmountPerAction: null,
  maxAmountPerCustomerMonth: null,
  dualApprovalAbove: null,
  reviewWindowHours: 24,
  approverRoles: ['admin', 'revops'],
  settings: {},
};

export async function getPolicy(tx: Tx, kind: ActionKind): Promise<EffectivePolicy> {
  const row = await tx.policy.findUnique({ where: { actionKind: kind } });
  if (!row) return { actionKind: kind, ...DEFAULT_POLICY };
  return {
    actionKind: kind,
    mode: row.mode,
    maxAmountPerAction: row.maxAmountPerAction,
    maxAmountPerCustomerMonth: row.maxAmountPerCustomerMonth,
    dualApprovalAbove: row.dualApprovalAbove,
    reviewWindowHours: row.reviewWindowHours,
    approverRoles: row.approverRoles,
    settings: (row.settings ?? {}) as Record<string, unknown>,
  };
}
