import { getDb } from '@/lib/db';

export async function listPolicies() {
  const rows = await getDb().policy.findMany({ orderBy: { actionKind: 'asc' } });
  return rows.map((p) => ({
    actionKind: p.actionKind,
    mode: p.mode,
    maxAmountPerAction: p.maxAmountPerAction,
    maxAmountPerCustomerMonth: p.maxAmountPerCustomerMonth,
    dualApprovalAbove: p.dualApprovalAbove,
    reviewWindowHours: p.reviewWindowHours,
    approverRoles: p.approverRoles,
    settings: (p.settings ?? {}) as Record<string, unknown>,
    updatedAt: p.updatedAt.toISOString(),
  }));
}
